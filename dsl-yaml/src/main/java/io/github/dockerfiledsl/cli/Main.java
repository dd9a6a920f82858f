package io.github.dockerfiledsl.cli;

/** Placeholder entry point. */
public final class Main {
  private Main() {}

  /**
   * Runs the tool.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(0);
  }
}
