/**
 * Build contexts and image builds for tests and tools.
 */
package io.github.dockerfiledsl.build;
