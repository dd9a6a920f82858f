/**
 * The image benchmark's Dockerfiles: naive (one RUN per step, no cleanup) and merged (one RUN
 * chain that ends with cleanup), written as models; {@code scripts/bench-images.sh} builds them.
 */
package io.github.dockerfiledsl.examples.bench;
