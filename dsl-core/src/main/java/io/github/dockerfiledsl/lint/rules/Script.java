package io.github.dockerfiledsl.lint.rules;

import io.github.dockerfiledsl.Exec;
import io.github.dockerfiledsl.Shell;
import io.github.dockerfiledsl.instruction.Heredoc;
import io.github.dockerfiledsl.instruction.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A RUN command split into simple commands, for the rules that look at what a RUN does: a
 * shell-aware tokenizer that honours quotes, backslashes, command substitution, comments and
 * redirections, and splits at {@code &&}, {@code ||}, {@code ;}, {@code |}, {@code &}, line
 * breaks and parentheses. It is a heuristic, not a shell: it never fails, whatever the input.
 */
public final class Script {
  private static final Set<String> KEYWORDS =
      Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "xargs");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "/bin/sh",
      "/bin/bash", "/bin/ash", "/usr/bin/env");

  /** One simple command and the operator that ends it. */
  public static final class Simple {
    private final List<String> words;
    private final String operator;

    Simple(List<String> words, String operator) {
      this.words = List.copyOf(words);
      this.operator = operator;
    }

    /**
     * Returns the words, quotes removed, without redirections.
     *
     * @return the words
     */
    public List<String> words() {
      return words;
    }

    /**
     * Returns the operator after this command: {@code &&}, {@code ||}, {@code ;}, {@code |},
     * {@code &}, a line break as {@code \n}, or the empty string at the end.
     *
     * @return the operator
     */
    public String operator() {
      return operator;
    }

    /**
     * Returns the words from the program on: leading {@code VAR=value} assignments, {@code sudo}
     * and {@code env} are skipped.
     *
     * @return the program and its arguments
     */
    public List<String> command() {
      int i = 0;
      while (i < words.size()) {
        String w = words.get(i);
        if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*") || w.equals("sudo") || w.equals("env")
            || w.equals("exec") || w.equals("command") || w.equals("time") || KEYWORDS.contains(w)) {
          i++;
        } else if (w.equals("-E") && i > 0 && words.get(i - 1).equals("sudo")) {
          i++;
        } else {
          break;
        }
      }
      return words.subList(i, words.size());
    }

    /**
     * Returns the program name (the last path segment), or the empty string.
     *
     * @return the program
     */
    public String program() {
      List<String> c = command();
      if (c.isEmpty()) {
        return "";
      }
      String p = c.get(0);
      return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * Returns the arguments after the program.
     *
     * @return the arguments
     */
    public List<String> args() {
      List<String> c = command();
      return c.isEmpty() ? List.of() : c.subList(1, c.size());
    }

    /**
     * Returns the first argument that is not an option, the sub-command of {@code apt-get
     * install}, {@code pip install}, {@code apk add}.
     *
     * @return the sub-command, or the empty string
     */
    public String subcommand() {
      for (String a : args()) {
        if (!a.startsWith("-")) {
          return a;
        }
      }
      return "";
    }

    /**
     * Returns whether the program is {@code program} and its sub-command one of {@code subs}.
     *
     * @param programs the program names, separated by {@code |}
     * @param subs the sub-commands, separated by {@code |}
     * @return true on a match
     */
    public boolean is(String programs, String subs) {
      return Set.of(programs.split("\\|")).contains(program())
          && Set.of(subs.split("\\|")).contains(subcommand());
    }

    /**
     * Returns whether any argument equals one of the given options.
     *
     * @param options the options, separated by {@code |}
     * @return true if present
     */
    public boolean hasOption(String options) {
      Set<String> o = Set.of(options.split("\\|"));
      for (String a : args()) {
        if (o.contains(a)) {
          return true;
        }
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0 && o.contains(a.substring(0, eq))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Returns the arguments after the sub-command that are not options.
     *
     * @return the operands
     */
    public List<String> operands() {
      List<String> out = new ArrayList<>();
      boolean sub = false;
      for (String a : args()) {
        if (a.startsWith("-")) {
          continue;
        }
        if (!sub) {
          sub = true;
          continue;
        }
        out.add(a);
      }
      return out;
    }

    @Override
    public String toString() {
      return String.join(" ", words);
    }
  }

  private final List<Simple> commands;

  private Script(List<Simple> commands) {
    this.commands = List.copyOf(commands);
  }

  /**
   * Splits the command of a RUN; for an exec form the words are taken as they are (a shell named
   * as the program with {@code -c} is split too), and heredoc bodies fed to a shell are included.
   *
   * @param run the RUN instruction
   * @return the script
   */
  public static Script of(RunInstruction run) {
    if (run.command() instanceof Exec e) {
      List<String> a = e.args();
      if (a.size() >= 3 && SHELLS.contains(a.get(0)) && a.get(a.size() - 2).equals("-c")) {
        return parse(a.get(a.size() - 1));
      }
      return new Script(List.of(new Simple(a, "")));
    }
    String line = ((Shell) run.command()).command();
    Script s = parse(line);
    if (run.heredocs().isEmpty()) {
      return s;
    }
    boolean shellFed = true;
    for (Simple c : s.commands) {
      if (!c.command().isEmpty() && !SHELLS.contains(c.program())) {
        shellFed = false;
        break;
      }
    }
    if (!shellFed) {
      return s;
    }
    List<Simple> all = new ArrayList<>(s.commands);
    for (Heredoc h : run.heredocs()) {
      all.addAll(parse(h.body()).commands);
    }
    return new Script(all);
  }

  /**
   * Splits a shell command line.
   *
   * @param line the command line
   * @return the script
   */
  public static Script parse(String line) {
    List<Simple> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean redirect = false;
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\'' ) {
        int end = line.indexOf('\'', i + 1);
        end = end < 0 ? n : end;
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        int j = i + 1;
        while (j < n && line.charAt(j) != '"') {
          if (line.charAt(j) == '\\' && j + 1 < n) {
            j++;
          }
          word.append(line.charAt(j));
          j++;
        }
        inWord = true;
        i = j + 1;
      } else if (c == '\\') {
        if (i + 1 < n && line.charAt(i + 1) != '\n') {
          word.append(line.charAt(i + 1));
          inWord = true;
        }
        i += 2;
      } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
        int depth = 0;
        int j = i + 1;
        for (; j < n; j++) {
          char d = line.charAt(j);
          if (d == '(') {
            depth++;
          } else if (d == ')' && --depth == 0) {
            break;
          }
        }
        word.append(line, i, Math.min(n, j + 1));
        inWord = true;
        i = j + 1;
      } else if (c == '`') {
        int end = line.indexOf('`', i + 1);
        end = end < 0 ? n : end;
        word.append(line, i, Math.min(n, end + 1));
        inWord = true;
        i = end + 1;
      } else if (c == '#' && !inWord) {
        while (i < n && line.charAt(i) != '\n') {
          i++;
        }
      } else if (c == ' ' || c == '\t' || c == '\r') {
        redirect = flush(words, word, inWord, redirect);
        inWord = false;
        i++;
      } else if (c == '>' || c == '<') {
        if (inWord && word.toString().matches("[0-9]+")) {
          word.setLength(0);
          inWord = false;
        }
        redirect = flush(words, word, inWord, redirect);
        inWord = false;
        i++;
        while (i < n && (line.charAt(i) == '>' || line.charAt(i) == '<' || line.charAt(i) == '&'
            || line.charAt(i) == '|' || line.charAt(i) == '-')) {
          i++;
        }
        redirect = true;
      } else if (c == '&' || c == '|' || c == ';' || c == '\n' || c == '(' || c == ')'
          || c == '{' && !inWord && (i + 1 >= n || line.charAt(i + 1) == ' ')
          || c == '}' && !inWord) {
        flush(words, word, inWord, redirect);
        redirect = false;
        inWord = false;
        String op;
        if ((c == '&' || c == '|') && i + 1 < n && line.charAt(i + 1) == c) {
          op = "" + c + c;
          i += 2;
        } else {
          op = c == '(' || c == ')' || c == '{' || c == '}' ? ";" : String.valueOf(c);
          i++;
        }
        if (!words.isEmpty()) {
          out.add(new Simple(words, op));
          words.clear();
        } else if (!out.isEmpty() && !op.equals(";") && !op.equals("\n")) {
          Simple last = out.remove(out.size() - 1);
          out.add(new Simple(last.words, op));
        }
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    flush(words, word, inWord, redirect);
    if (!words.isEmpty()) {
      out.add(new Simple(words, ""));
    }
    return new Script(out);
  }

  private static boolean flush(List<String> words, StringBuilder word, boolean inWord, boolean redirect) {
    if (inWord) {
      if (!redirect) {
        words.add(word.toString());
      }
      word.setLength(0);
      return false;
    }
    return redirect;
  }

  /**
   * Returns the simple commands, in order.
   *
   * @return the commands
   */
  public List<Simple> commands() {
    return commands;
  }

  /**
   * Returns whether any simple command matches (see {@link Simple#is(String, String)}).
   *
   * @param programs the program names, separated by {@code |}
   * @param subs the sub-commands, separated by {@code |}
   * @return true on a match
   */
  public boolean has(String programs, String subs) {
    for (Simple c : commands) {
      if (c.is(programs, subs)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether commands are joined only by {@code &&} (and pipes), so that appending
   * {@code && more} runs {@code more} only when everything before succeeded.
   *
   * @return true for a plain chain
   */
  public boolean isAndChain() {
    for (int i = 0; i < commands.size() - 1; i++) {
      String op = commands.get(i).operator();
      if (!op.equals("&&") && !op.equals("|")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether a top-level pipe joins two commands.
   *
   * @return true if there is a pipe
   */
  public boolean hasPipe() {
    for (int i = 0; i < commands.size() - 1; i++) {
      if (commands.get(i).operator().equals("|")) {
        return true;
      }
    }
    return false;
  }
}
