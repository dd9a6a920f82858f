/**
 * The {@code dockerfile-dsl} command-line tool: fmt, parse, import, render and lint.
 */
package io.github.dockerfiledsl.cli;
