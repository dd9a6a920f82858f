/**
 * Implementation details; not exported.
 */
package io.github.dockerfiledsl.internal;
