/**
 * Model-to-model passes: merging RUN steps, package-manager cleanup and similar rewrites.
 */
package io.github.dockerfiledsl.optimize;
