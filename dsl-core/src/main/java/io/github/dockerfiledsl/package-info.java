/**
 * Entry points: {@link io.github.dockerfiledsl.Dockerfile}, {@link io.github.dockerfiledsl.Stage}, {@link io.github.dockerfiledsl.ImageRef} and the command forms.
 */
package io.github.dockerfiledsl;
