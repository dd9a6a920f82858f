/**
 * Image references in Dockerfiles: finding every image a Dockerfile pulls ({@link ImageUses}),
 * rewriting them in the model or in the source text without touching anything else
 * ({@link ImageRewrite}), registry mirrors ({@link Mirror}) and digest pinning through a
 * {@link DigestResolver} (a registry client implements it; this package does no network I/O).
 */
package io.github.dockerfiledsl.image;
