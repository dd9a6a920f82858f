/**
 * The canonical renderer and its options, and unified diffs of two texts ({@link
 * io.github.dockerfiledsl.render.UnifiedDiff}).
 */
package io.github.dockerfiledsl.render;
