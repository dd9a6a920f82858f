/**
 * The linter: rules with stable ids, findings with positions, and fixes.
 */
package io.github.dockerfiledsl.lint;
