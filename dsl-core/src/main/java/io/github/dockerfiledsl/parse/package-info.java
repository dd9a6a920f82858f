/**
 * The BuildKit-compatible, lossless Dockerfile parser.
 */
package io.github.dockerfiledsl.parse;
