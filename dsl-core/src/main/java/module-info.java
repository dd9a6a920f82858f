/**
 * dockerfile-dsl core: the typed Dockerfile model, the fluent builder, the parser, the canonical
 * renderer and the linter. It has no runtime dependencies.
 */
@SuppressWarnings("module") // the qualified export names a module built after this one
module io.github.dockerfiledsl.core {
  exports io.github.dockerfiledsl;
  exports io.github.dockerfiledsl.build;
  exports io.github.dockerfiledsl.instruction;
  exports io.github.dockerfiledsl.optimize;
  exports io.github.dockerfiledsl.render;
  exports io.github.dockerfiledsl.parse;
  exports io.github.dockerfiledsl.eval;
  exports io.github.dockerfiledsl.lint;
  exports io.github.dockerfiledsl.image;

  // implementation helpers shared with the YAML module (heredoc markers) and the command line
  // (edit distance for "did you mean" hints); not public API
  exports io.github.dockerfiledsl.internal to io.github.dockerfiledsl.yaml, io.github.dockerfiledsl.cli;
}
