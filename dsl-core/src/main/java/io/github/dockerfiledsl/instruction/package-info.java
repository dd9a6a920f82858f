/**
 * The immutable instruction model: one record per Dockerfile instruction, plus comments and blank lines kept as trivia.
 */
package io.github.dockerfiledsl.instruction;
