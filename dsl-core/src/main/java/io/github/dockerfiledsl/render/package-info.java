/**
 * The canonical renderer and its options.
 */
package io.github.dockerfiledsl.render;
