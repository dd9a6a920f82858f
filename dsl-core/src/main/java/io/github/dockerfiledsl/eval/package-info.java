/**
 * Variable substitution with BuildKit's semantics and ARG/ENV scoping.
 */
package io.github.dockerfiledsl.eval;
