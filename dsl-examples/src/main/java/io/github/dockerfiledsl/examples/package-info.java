/**
 * Runnable examples: the seed Dockerfiles written with the builder.
 */
package io.github.dockerfiledsl.examples;
