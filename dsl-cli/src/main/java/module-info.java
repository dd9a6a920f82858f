/**
 * dockerfile-dsl command line: the {@code dockerfile-dsl} tool (fmt, lint, parse, import, render,
 * to-java) on top of the core, YAML and code-generation modules.
 */
module io.github.dockerfiledsl.cli {
  requires io.github.dockerfiledsl.core;
  requires io.github.dockerfiledsl.yaml;
  requires io.github.dockerfiledsl.codegen;
  requires io.github.dockerfiledsl.registry;
  requires info.picocli;
  requires tools.jackson.core;
  requires tools.jackson.dataformat.yaml;
  requires org.snakeyaml.engine;

  opens io.github.dockerfiledsl.cli to info.picocli;
}
