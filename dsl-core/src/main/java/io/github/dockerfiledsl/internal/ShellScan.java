package io.github.dockerfiledsl.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A POSIX shell lexer for run chains. It splits a command line into words, operators and
 * redirections the way {@code sh} does (quotes, backslashes, {@code $(..)}, {@code ${..}},
 * backquotes, comments), and classifies the line by what is <em>known to be safe</em>:
 *
 * <ul>
 *   <li>{@link Kind#SIMPLE}: simple commands and subshells {@code ( .. )} (which cannot change
 *       the state of the shell that runs them) joined only by {@code &&} and {@code |}, each of
 *       which provably leaves the shell as it found it: its name is a literal word that is not a
 *       reserved word and either names an external program or one of the few builtins that
 *       change nothing ({@code echo}, {@code printf} without {@code -v}, {@code test}, {@code
 *       [}, {@code true}, {@code false}, {@code :}, {@code pwd}), and no word assigns through an
 *       expansion ({@code ${a:=b}}, {@code $((a=1))}). Such a line may join a chain with {@code
 *       &&} as it is.
 *   <li>{@link Kind#GROUP}: anything else that is complete and balanced; in a chain it runs in
 *       a subshell {@code ( .. )}, which keeps whatever it changes (directory, variables,
 *       options, traps, functions, {@code exec}, {@code exit}) to itself.
 *   <li>{@link Kind#ALONE}: lines that must stay a RUN of their own: a comment (it would swallow
 *       what follows), a background job (it would outlive its step), a heredoc, unbalanced
 *       quotes, parentheses or keywords, operators whose meaning differs between shells ({@code
 *       &>}, {@code |&}, {@code <<<}), a reference to {@code $_} (the previous step's last
 *       argument), or nesting deeper than {@value #MAX_DEPTH}.
 * </ul>
 *
 * <p>Besides, the scan notes whether a line {@linkplain Analysis#errexit() may turn on errexit}
 * (or an ERR trap, anywhere in it, subshells and substitutions included) and whether it {@linkplain
 * Analysis#stops() may stop the shell by an error}: a subshell on the left of {@code &&} ignores
 * {@code set -e} and ERR traps inside it, and bash reports an expansion error (an unset variable
 * under {@code set -u}, {@code ${a:?}}, a bad substitution, an arithmetic error, an assignment to
 * a read-only variable) with status 127 at the top level of {@code sh -c} but 1 in a subshell.
 * Such a line may only be the last command of a chain, outside any subshell of the chain's own.
 */
public final class ShellScan {
  /** The deepest nesting of substitutions the scanner follows before giving up. */
  public static final int MAX_DEPTH = 64;

  private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do",
      "done", "case", "esac", "while", "until", "for", "in", "{", "}", "!", "[[", "]]",
      "function", "select", "time", "coproc", "repeat", "foreach", "end");

  /** Builtins of sh, dash, bash, busybox ash, ksh, mksh and zsh (anything else is a program). */
  private static final Set<String> BUILTINS = Set.of(".", ":", "[", "alias", "autoload", "bg",
      "bind", "break", "builtin", "bye", "caller", "cd", "chdir", "command", "compgen",
      "complete", "compopt", "continue", "declare", "dirs", "disable", "disown", "echo",
      "emulate", "enable", "eval", "exec", "exit", "export", "false", "fc", "fg", "float",
      "functions", "getopts", "hash", "help", "history", "integer", "jobs", "kill", "let",
      "local", "logout", "mapfile", "nameref", "noglob", "popd", "print", "printf", "pushd",
      "pwd", "read", "readarray", "readonly", "rehash", "return", "set", "setopt", "shift",
      "shopt", "source", "suspend", "test", "times", "trap", "true", "type", "typeset",
      "ulimit", "umask", "unalias", "unfunction", "unhash", "unset", "unsetopt", "wait",
      "whence", "where", "which", "zmodload", "zle", "zstyle");

  /** The variables bash makes read-only; assigning one stops a POSIX-mode bash. */
  private static final Set<String> BASH_READONLY = Set.of("BASHOPTS", "BASH_VERSINFO", "EUID",
      "PPID", "SHELLOPTS", "UID");

  /** Shell options whose change makes errors stop the shell, or errexit apply. */
  private static final Set<String> STOPPING_OPTIONS = Set.of("errexit", "nounset", "posix",
      "errtrace", "inherit_errexit");

  /** The option letters of {@code set} that bash knows (bash in POSIX mode stops on others). */
  private static final String SET_LETTERS = "abefhkmnoptuvxBCEHPT";

  /** The option names of {@code set -o} that bash knows. */
  private static final Set<String> SET_OPTIONS = Set.of("allexport", "braceexpand", "emacs",
      "errexit", "errtrace", "functrace", "hashall", "histexpand", "history", "ignoreeof",
      "interactive-comments", "keyword", "monitor", "noclobber", "noexec", "noglob", "nolog",
      "notify", "nounset", "onecmd", "physical", "pipefail", "posix", "privileged", "verbose",
      "vi", "xtrace");

  /** Parameter-expansion operators that can neither fail nor assign ({@code =} assigns). */
  private static final List<String> SAFE_OPERATORS = List.of(":-", ":=", ":+", "-", "=", "+",
      "##", "#", "%%", "%", "//", "/#", "/%", "/", "^^", "^", ",,", ",");

  /** Builtins that run commands the scan cannot see, in the shell that runs them. */
  private static final Set<String> CODE_RUNNERS = Set.of("eval", ".", "source", "command",
      "builtin");

  /** Builtins that change no state of the shell that runs them. */
  private static final Set<String> INERT = Set.of("echo", "printf", "test", "[", "true",
      "false", ":", "pwd");

  /** How a command line may join a run chain. */
  public enum Kind {
    /** Joins with {@code &&} as it is. */
    SIMPLE,
    /** Joins inside a subshell. */
    GROUP,
    /** Never joins. */
    ALONE
  }

  /**
   * A word of the command line.
   *
   * @param raw the text as written
   * @param start its offset in the command line
   * @param end the offset after it
   * @param value the word after quote removal, or empty when it has an expansion, a glob or
   *     a tilde and so has no fixed value
   * @param quoted whether any part of it was quoted or escaped
   */
  public record Word(String raw, int start, int end, Optional<String> value, boolean quoted) {

    /**
     * Returns the literal value or a marker that matches nothing real.
     *
     * @return the value
     */
    public String text() {
      return value.orElse("\0");
    }
  }

  /**
   * A simple command found at the top level (outside substitutions and subshells).
   *
   * @param assignments the leading {@code NAME=value} words
   * @param words the command name and its arguments, without redirections
   * @param inSubshell whether it runs inside a subshell {@code ( .. )} of the line, where it
   *     cannot change the state of the shell that runs the line
   */
  public record Command(List<Word> assignments, List<Word> words, boolean inSubshell) {

    /**
     * Returns the literal command name, or empty.
     *
     * @return the name
     */
    public Optional<String> name() {
      return words.isEmpty() ? Optional.empty() : words.get(0).value();
    }
  }

  /**
   * What a command line is.
   *
   * @param kind how it may join a chain
   * @param reason why it is not {@link Kind#SIMPLE}, for messages
   * @param inert whether every command in it provably leaves the shell's state alone
   * @param loose whether it has {@code ||}, {@code ;} or {@code &} at its top level, so that
   *     {@code &&} after it would bind differently
   * @param pipe whether it has a pipe at its top level
   * @param trailingSemicolon whether it ends with an unquoted {@code ;}
   * @param commands the simple commands at the top level, in order (also those inside
   *     {@code if}, loops and braces; not those in {@code $(..)} or {@code ( )})
   * @param stops why the line may turn on errexit or stop the shell by an error (see the class
   *     documentation), or empty when it provably cannot
   * @param errexit whether the line may turn on errexit or an ERR trap anywhere in it, or runs
   *     commands the scan cannot see ({@code eval}, {@code .}, an alias, a command name that is
   *     not a literal word), so that on the left of {@code &&} it could act differently
   * @param nested whether the line has a subshell, a command substitution or a process
   *     substitution, which inherit errexit from a SHELL that turns it on
   * @param tailSimple whether the line's last and-or list (after its last top-level {@code ;}
   *     or line break) is only simple commands that run no commands of their own (no compound
   *     command, subshell, substitution, function call, {@code eval} or {@code .}), so that
   *     {@code && more}
   *     after it keeps the meaning of every command in it even under errexit
   */
  public record Analysis(Kind kind, String reason, boolean inert, boolean loose, boolean pipe,
      boolean trailingSemicolon, List<Command> commands, Optional<String> stops,
      boolean errexit, boolean nested, boolean tailSimple) {

    /**
     * Returns whether the line may be joined to others at all.
     *
     * @return false for {@link Kind#ALONE}
     */
    public boolean chainable() {
      return kind != Kind.ALONE;
    }

    /**
     * Returns whether the line must run in a subshell inside a chain.
     *
     * @return true for {@link Kind#GROUP}
     */
    public boolean needsGroup() {
      return kind == Kind.GROUP;
    }
  }

  private enum T { WORD, OP, REDIR }

  private record Tok(T type, String op, Word word) {}

  private ShellScan() {}

  /**
   * Returns whether a command name is a builtin or a reserved word of some POSIX-like shell
   * (sh, dash, bash, busybox ash, ksh, mksh, zsh), so that it may not exist as a program.
   *
   * @param name the command name
   * @return true for {@code cd}, {@code exec}, {@code .}, {@code set}, {@code if}, ...
   */
  public static boolean isBuiltin(String name) {
    return BUILTINS.contains(name) || RESERVED.contains(name);
  }

  /**
   * Analyses a command line.
   *
   * @param command the command as the shell receives it
   * @return the analysis
   */
  public static Analysis analyze(String command) {
    Lexer lx = new Lexer(command);
    List<Tok> toks;
    try {
      toks = lx.run();
    } catch (Unsafe e) {
      return new Analysis(Kind.ALONE, e.getMessage(), false, false, false, false, List.of(),
          Optional.of(e.getMessage()), true, true, false);
    }
    return classify(command, toks, lx);
  }

  /** Thrown when the line has something that keeps it alone. */
  private static final class Unsafe extends Exception {
    private static final long serialVersionUID = 1L;

    Unsafe(String reason) {
      super(reason, null, false, false);
    }
  }

  private static Analysis classify(String command, List<Tok> toks, Lexer lx) {
    String alone = lx.comment ? "a comment" : lx.underscore ? "a reference to $_" : null;
    boolean inert = !lx.assignsInExpansion;
    String reason = lx.assignsInExpansion ? "an expansion that assigns a variable" : null;
    boolean loose = false;
    boolean pipe = false;
    boolean compound = false; // a keyword outside any subshell
    int parens = 0; // subshells open
    boolean trailingSemicolon = !toks.isEmpty() && toks.get(toks.size() - 1).type == T.OP
        && toks.get(toks.size() - 1).op.equals(";");
    List<Command> commands = new ArrayList<>();
    Deque<String> stack = new ArrayDeque<>();
    boolean commandStart = true;
    boolean caseWord = false; // the word after 'case', then 'in'
    boolean forName = false; // words after 'for' up to ';' or 'do'
    int tailStart = 0; // the first command of the last top-level and-or list
    boolean tailCompound = false; // whether that list has a keyword or a subshell
    Set<String> functions = new HashSet<>();
    List<Word> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    for (int k = 0; k < toks.size() && alone == null; k++) {
      Tok t = toks.get(k);
      if (t.type == T.OP) {
        String op = t.op;
        boolean binary = op.equals("&&") || op.equals("||") || op.equals("|") || op.equals(";")
            || op.equals("&");
        if (binary && (k == 0 || toks.get(k - 1).type == T.OP && !toks.get(k - 1).op.equals(")")
            || k == toks.size() - 1 && !op.equals(";") && !op.equals("&"))) {
          alone = "'" + op + "' without a command on each side";
          break;
        }
        if (!words.isEmpty() || !assignments.isEmpty()) {
          commands.add(new Command(List.copyOf(assignments), List.copyOf(words), parens > 0));
        }
        assignments.clear();
        words.clear();
        forName = false;
        if (stack.isEmpty() && parens == 0 && (op.equals(";") || op.equals("\n"))) {
          tailStart = commands.size();
          tailCompound = false;
        }
        if (op.equals("(")) {
          tailCompound |= stack.isEmpty() && parens == 0;
          if (k > 0 && toks.get(k - 1).type == T.WORD) {
            functions.add(toks.get(k - 1).word.text());
          }
        }
        switch (op) {
          case "&":
            alone = "a background job";
            break;
          case "(":
            if (k > 0 && toks.get(k - 1).type == T.WORD
                && (k + 1 >= toks.size() || toks.get(k + 1).type != T.OP
                    || !toks.get(k + 1).op.equals(")"))) {
              alone = "'(' after a word (an array or a syntax error)";
              break;
            }
            stack.push("(");
            parens++;
            break;
          case ")":
            if (!stack.isEmpty() && stack.peek().equals("(")) {
              stack.pop();
              parens--;
            } else if (!stack.isEmpty() && stack.peek().equals("case")) {
              // the end of a case pattern
            } else {
              alone = "an unbalanced ')'";
            }
            break;
          case ";;":
            if (stack.isEmpty() || !stack.peek().equals("case")) {
              alone = "';;' outside case";
            }
            break;
          case "|":
            if (stack.isEmpty()) {
              pipe = true;
            }
            break;
          case "&&":
            break;
          default: // ; || newline
            if (stack.isEmpty()) {
              loose = true;
            }
            break;
        }
        commandStart = true;
        continue;
      }
      if (t.type == T.REDIR) {
        k++; // its target word
        if (k >= toks.size() || toks.get(k).type != T.WORD) {
          alone = "a redirection without a target";
        }
        commandStart = false;
        continue;
      }
      Word w = t.word;
      String v = w.value().orElse(null);
      if (caseWord) {
        caseWord = !"in".equals(v);
        continue;
      }
      if (forName) {
        continue;
      }
      if (commandStart && words.isEmpty() && v != null && !w.quoted() && RESERVED.contains(v)) {
        compound |= parens == 0;
        tailCompound |= parens == 0;
        switch (v) {
          case "if", "case", "{" -> stack.push(v);
          case "while", "until", "for", "select" -> {
            stack.push("loop");
            forName = v.equals("for") || v.equals("select");
          }
          case "do" -> {
            if (stack.isEmpty() || !stack.peek().equals("loop")) {
              alone = "'do' without a loop";
            }
          }
          case "fi" -> alone = pop(stack, "if");
          case "esac" -> alone = pop(stack, "case");
          case "done" -> alone = pop(stack, "loop");
          case "}" -> alone = pop(stack, "{");
          case "then", "else", "elif", "!", "time", "[[", "]]" -> { }
          default -> alone = "the keyword '" + v + "'";
        }
        if (v.equals("case")) {
          caseWord = true;
        }
        commandStart = true;
        continue;
      }
      commandStart = false;
      if (words.isEmpty() && isAssignment(w)) {
        assignments.add(w);
        continue;
      }
      words.add(w);
    }
    if (!words.isEmpty() || !assignments.isEmpty()) {
      commands.add(new Command(List.copyOf(assignments), List.copyOf(words), parens > 0));
    }
    if (alone == null && !stack.isEmpty()) {
      alone = "an unclosed '" + (stack.peek().equals("loop") ? "do" : stack.peek()) + "'";
    }
    if (alone != null) {
      return new Analysis(Kind.ALONE, alone, false, loose, pipe, trailingSemicolon, commands,
          Optional.of(alone), true, true, false);
    }
    if (compound) {
      inert = false;
      reason = reason == null ? "a compound command" : reason;
    }
    if (lx.arithmeticCommand) {
      inert = false; // ((a=1)) assigns in bash
      reason = reason == null ? "an arithmetic command" : reason;
    }
    String[] found = {null, lx.stops}; // errexit, shell error
    for (Command c : commands) {
      stops(c.assignments(), c.words(), found);
    }
    boolean nested = !lx.substitutions.isEmpty() || lx.arithmeticCommand
        || commands.stream().anyMatch(Command::inSubshell);
    for (int k = 0; k < lx.substitutions.size() && found[0] == null; k++) {
      int[] span = lx.substitutions.get(k);
      String inner = command.substring(span[0], span[1]);
      if (span[2] == 1) { // backquotes: \$, \` and \\ stand for the character
        inner = inner.replaceAll("\\\\([$`\\\\])", "$1");
      }
      Analysis a = analyze(inner);
      if (a.errexit()) {
        found[0] = a.stops().orElse("a command substitution");
      }
    }
    String stops = found[0] != null ? found[0] : found[1];
    boolean tailSimple = !tailCompound;
    for (int c = tailStart; c < commands.size() && tailSimple; c++) {
      Command cmd = commands.get(c);
      Optional<String> name = cmd.name();
      tailSimple = !cmd.inSubshell() && (cmd.words().isEmpty() || name.isPresent()
          && !functions.contains(name.get()) && !CODE_RUNNERS.contains(name.get()))
          && Stream.concat(cmd.assignments().stream(), cmd.words().stream()).map(Word::raw)
              .noneMatch(r -> r.contains("$(") || r.contains("`") || r.contains("<(")
                  || r.contains(">("));
    }
    for (Command c : commands) {
      String why = c.inSubshell() ? null : stateful(c);
      if (why != null) {
        inert = false;
        reason = reason == null ? why : reason;
      }
    }
    if (toks.isEmpty()) {
      return new Analysis(Kind.ALONE, "an empty command", false, false, false, false, commands,
          Optional.of("an empty command"), true, true, false);
    }
    if (loose && reason == null) {
      reason = "'||', ';' or a line break";
    }
    Kind kind = inert && !loose ? Kind.SIMPLE : Kind.GROUP;
    return new Analysis(kind, kind == Kind.SIMPLE ? "" : reason, inert, loose, pipe,
        trailingSemicolon, List.copyOf(commands), Optional.ofNullable(stops), found[0] != null,
        nested, tailSimple);
  }

  /**
   * Notes why a simple command may turn on errexit (in {@code found[0]}) or stop the shell by an
   * error (in {@code found[1]}), keeping the first reason of each. Conservative: a command whose
   * effect cannot be seen ({@code eval}, {@code .}, a name that is not a literal word) counts as
   * turning on errexit.
   */
  private static void stops(List<Word> assignments, List<Word> words, String[] found) {
    for (Word a : assignments) {
      if (BASH_READONLY.contains(variable(a))) {
        note(found, 1, "an assignment to the read-only variable " + variable(a));
      }
    }
    if (words.isEmpty()) {
      return;
    }
    Optional<String> name = words.get(0).value();
    if (name.isEmpty()) {
      note(found, 0, "a command name that is not a literal word");
      return;
    }
    List<Word> args = words.subList(1, words.size());
    switch (name.get()) {
      case "command", "builtin" -> {
        int k = 0;
        while (k < args.size() && args.get(k).text().startsWith("-")) {
          k++;
        }
        stops(List.of(), args.subList(k, args.size()), found);
      }
      case "eval", ".", "source" ->
          note(found, 0, "'" + name.get() + "', whose commands cannot be seen");
      case "alias" -> {
        if (!args.isEmpty()) {
          note(found, 0, "an alias, whose commands cannot be seen");
        }
      }
      case "set" -> setStops(args, found);
      case "shopt" -> {
        for (Word w : args) {
          if (w.value().isEmpty() || STOPPING_OPTIONS.contains(w.text())) {
            note(found, 0, "shopt " + w.raw());
          }
        }
      }
      case "trap" -> {
        for (Word w : args) {
          String t = w.text().toUpperCase(Locale.ROOT);
          if (w.value().isEmpty() || t.equals("ERR") || t.equals("SIGERR") || t.equals("DEBUG")
              || t.equals("RETURN")) {
            note(found, 0, "a trap on " + w.raw());
          }
        }
      }
      case "readonly" -> {
        if (!args.isEmpty()) {
          note(found, 1, "a read-only variable, whose assignment stops the shell");
        }
      }
      // bash in POSIX mode stops on these special-builtin errors as on errexit: not on the left
      // of && (where a subshell of the chain would put them)
      case "return" -> note(found, 0, "'return', which outside a function stops a POSIX-mode bash");
      case "declare", "typeset", "local", "export", "integer" -> {
        for (Word w : args) {
          if (w.value().isEmpty() && w.raw().startsWith("-")) {
            note(found, 0, name.get() + " " + w.raw());
          } else if (w.text().startsWith("-") && w.text().indexOf('r') > 0) {
            note(found, 1, name.get() + " " + w.raw());
          } else if (BASH_READONLY.contains(variable(w))) {
            note(found, 1, "an assignment to the read-only variable " + variable(w));
          }
        }
      }
      default -> { }
    }
  }

  private static void note(String[] found, int kind, String why) {
    if (found[kind] == null) {
      found[kind] = why;
    }
  }

  private static String variable(Word w) {
    String raw = w.raw();
    int eq = raw.indexOf('=');
    return eq < 0 ? raw : raw.substring(0, eq);
  }

  /**
   * Notes why {@code set} with these arguments may turn on errexit or nounset, or stop the shell
   * (an option that a POSIX-mode bash does not know stops it as errexit would, not on the left of
   * {@code &&}).
   */
  private static void setStops(List<Word> args, String[] found) {
    for (int k = 0; k < args.size(); k++) {
      Word w = args.get(k);
      if (w.value().isEmpty()) {
        note(found, 0, "set with an argument that is not a literal word");
        return;
      }
      String t = w.text();
      if (t.equals("--") || t.equals("-") || !(t.startsWith("-") || t.startsWith("+"))) {
        return; // the positional parameters follow
      }
      for (int c = 1; c < t.length(); c++) {
        if (SET_LETTERS.indexOf(t.charAt(c)) < 0) {
          note(found, 0, "set " + t + ", an option that some shells do not know");
        }
      }
      if (t.indexOf('o') > 0 && k + 1 < args.size() && args.get(k + 1).value().isPresent()
          && !SET_OPTIONS.contains(args.get(k + 1).text())) {
        note(found, 0, "set -o " + args.get(k + 1).raw() + ", an option that some shells do not"
            + " know");
      }
      if (t.startsWith("+")) {
        k += t.indexOf('o') > 0 ? 1 : 0; // +o NAME turns an option off
        continue;
      }
      if (t.indexOf('e') > 0) {
        note(found, 0, "set " + t + " (errexit)");
      }
      if (t.indexOf('u') > 0) {
        note(found, 1, "set " + t + " (nounset)");
      }
      if (t.indexOf('o') > 0 && k + 1 < args.size()) {
        Word option = args.get(++k);
        if (option.value().isEmpty() || option.text().equals("errexit")
            || option.text().equals("errtrace")) {
          note(found, 0, "set -o " + option.raw());
        } else if (STOPPING_OPTIONS.contains(option.text())) {
          note(found, 1, "set -o " + option.raw());
        }
      }
    }
  }

  /** Returns whether the body of a {@code ${..}} can neither fail nor assign read-only. */
  private static boolean safeExpansion(String inner) {
    int n = inner.length();
    int k = 0;
    boolean length = n > 1 && inner.charAt(0) == '#';
    if (length) {
      k = 1;
    }
    if (k < n && (Character.isLetter(inner.charAt(k)) || inner.charAt(k) == '_')
        && inner.charAt(k) < 128) {
      while (k < n && inner.charAt(k) < 128
          && (Character.isLetterOrDigit(inner.charAt(k)) || inner.charAt(k) == '_')) {
        k++;
      }
    } else if (k < n && Character.isDigit(inner.charAt(k))) {
      while (k < n && Character.isDigit(inner.charAt(k))) {
        k++;
      }
    } else if (k < n && "@*#?$!-".indexOf(inner.charAt(k)) >= 0) {
      k++;
    } else {
      return false;
    }
    if (k == n) {
      return true;
    }
    if (length) {
      return false;
    }
    for (String op : SAFE_OPERATORS) {
      if (inner.startsWith(op, k)) {
        return true;
      }
    }
    return false;
  }

  private static String pop(Deque<String> stack, String open) {
    if (stack.isEmpty() || !stack.peek().equals(open)) {
      return "an unbalanced '" + open + "'";
    }
    stack.pop();
    return null;
  }

  /** Returns why a simple command may change the shell's state, or null if it cannot. */
  private static String stateful(Command c) {
    if (c.words().isEmpty()) {
      return c.assignments().isEmpty() ? null : "a variable assignment";
    }
    Optional<String> name = c.name();
    if (name.isEmpty()) {
      return "a command name that is not a literal word";
    }
    String n = name.get();
    if (n.contains("/")) {
      return null;
    }
    if (!BUILTINS.contains(n)) {
      return null;
    }
    if (!INERT.contains(n)) {
      return "the builtin '" + n + "'";
    }
    if (!c.assignments().isEmpty()) {
      return "an assignment before the builtin '" + n + "'";
    }
    if (n.equals("printf") && c.words().stream().anyMatch(w -> w.text().startsWith("-v"))) {
      return "printf -v";
    }
    return null;
  }

  private static boolean isAssignment(Word w) {
    String raw = w.raw();
    int eq = raw.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    String name = raw.charAt(eq - 1) == '+' ? raw.substring(0, eq - 1) : raw.substring(0, eq);
    int bracket = name.indexOf('[');
    if (bracket > 0 && name.endsWith("]")) {
      name = name.substring(0, bracket);
    }
    if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
        return false;
      }
    }
    return true;
  }

  /** One pass over a command line. */
  private static final class Lexer {
    private final String s;
    private int i;
    boolean comment;
    boolean underscore;
    boolean assignsInExpansion;
    boolean arithmeticCommand;
    String stops;
    /** Top-level command substitutions: start and end of the text inside, 1 for backquotes. */
    final List<int[]> substitutions = new ArrayList<>();
    private int nested; // command substitutions open around the position

    Lexer(String s) {
      this.s = s;
    }

    List<Tok> run() throws Unsafe {
      List<Tok> out = new ArrayList<>();
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t') {
          i++;
          continue;
        }
        if (c == '#') {
          comment = true;
          while (i < n && s.charAt(i) != '\n') {
            i++;
          }
          continue;
        }
        if (c == '\n') {
          out.add(new Tok(T.OP, "\n", null));
          i++;
          continue;
        }
        String op = operator();
        if (op != null) {
          switch (op) {
            case "<<", "<<-" -> throw new Unsafe("a heredoc");
            case "<<<", "&>", "&>>", "|&", ">&|" -> throw new Unsafe(
                "'" + op + "', which means different things in different shells");
            default -> { }
          }
          if (op.equals("(") && s.startsWith("((", i)) {
            arithmeticCommand = true;
          }
          boolean redir = op.startsWith("<") || op.startsWith(">");
          out.add(new Tok(redir ? T.REDIR : T.OP, op, null));
          i += op.length();
          continue;
        }
        Word w = word();
        String raw = w.raw();
        if (i < n && (s.charAt(i) == '<' || s.charAt(i) == '>') && !w.quoted()
            && raw.chars().allMatch(Character::isDigit)) {
          continue; // an IO number belongs to the redirection that follows
        }
        out.add(new Tok(T.WORD, null, w));
      }
      return out;
    }

    private String operator() {
      for (String op : List.of("&&", "||", ";;", "&>>", "&>", "|&", "<<<", "<<-", "<<", "<>",
          ">>", ">|", ">&", "<&", ";", "&", "|", "(", ")", "<", ">")) {
        if (s.startsWith(op, i)) {
          if ((op.equals("<") || op.equals(">")) && i + 1 < s.length() && s.charAt(i + 1) == '(') {
            return null; // process substitution: a word
          }
          return op;
        }
      }
      return null;
    }

    private static boolean ends(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '('
          || c == ')' || c == '<' || c == '>';
    }

    private Word word() throws Unsafe {
      int start = i;
      int n = s.length();
      StringBuilder value = new StringBuilder();
      boolean literal = true;
      boolean quoted = false;
      boolean first = true;
      while (i < n) {
        char c = s.charAt(i);
        if ((c == '<' || c == '>') && i + 1 < n && s.charAt(i + 1) == '(') {
          i++;
          int open = i;
          skipParens(0);
          substitution(open + 1, i - 1, 0);
          literal = false;
          first = false;
          continue;
        }
        if (ends(c)) {
          break;
        }
        switch (c) {
          case '\\' -> {
            if (i + 1 >= n) {
              throw new Unsafe("a trailing backslash");
            }
            value.append(s.charAt(i + 1));
            quoted = true;
            i += 2;
          }
          case '\'' -> {
            int close = s.indexOf('\'', i + 1);
            if (close < 0) {
              throw new Unsafe("an unclosed single quote");
            }
            value.append(s, i + 1, close);
            quoted = true;
            i = close + 1;
          }
          case '"' -> {
            i++;
            quoted = true;
            boolean lit = doubleQuoted(value, 0);
            literal &= lit;
          }
          case '$' -> {
            dollar(0);
            literal = false;
          }
          case '`' -> {
            backquote(0);
            literal = false;
          }
          case '*', '?' -> {
            value.append(c);
            literal = false;
            i++;
          }
          case '[' -> {
            value.append(c);
            int j = i + 1;
            while (j < n && !ends(s.charAt(j)) && s.charAt(j) != ']') {
              j++;
            }
            if (j < n && s.charAt(j) == ']') {
              literal = false; // a bracket expression
            }
            i++;
          }
          case '{', '}' -> {
            value.append(c);
            if (i + 1 < n && !ends(s.charAt(i + 1)) || !first) {
              literal = false; // brace expansion in bash
            }
            i++;
          }
          case '~' -> {
            value.append(c);
            if (first) {
              literal = false;
            }
            i++;
          }
          default -> {
            value.append(c);
            i++;
          }
        }
        first = false;
      }
      String raw = s.substring(start, i);
      return new Word(raw, start, i, literal ? Optional.of(value.toString()) : Optional.empty(),
          quoted);
    }

    /** After an opening double quote; returns whether the text had no expansion. */
    private boolean doubleQuoted(StringBuilder value, int depth) throws Unsafe {
      boolean literal = true;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (c == '"') {
          i++;
          return literal;
        }
        if (c == '\\' && i + 1 < n) {
          char next = s.charAt(i + 1);
          if (next == '$' || next == '`' || next == '"' || next == '\\') {
            value.append(next);
          } else {
            value.append(c).append(next);
          }
          i += 2;
        } else if (c == '$') {
          dollar(depth);
          literal = false;
        } else if (c == '`') {
          backquote(depth);
          literal = false;
        } else {
          value.append(c);
          i++;
        }
      }
      throw new Unsafe("an unclosed double quote");
    }

    private void dollar(int depth) throws Unsafe {
      int n = s.length();
      i++; // $
      if (i >= n) {
        return;
      }
      char c = s.charAt(i);
      if (c == '(') {
        boolean arithmetic = i + 1 < n && s.charAt(i + 1) == '(';
        if (arithmetic) {
          assignsInExpansion = true; // arithmetic may assign: $((a=1)), $((a++))
          stop("an arithmetic expansion, which stops the shell on an error");
        }
        int open = i;
        skipParens(depth);
        if (!arithmetic) {
          substitution(open + 1, i - 1, 0);
        }
      } else if (c == '[') {
        stop("an arithmetic expansion $[..], which stops the shell on an error");
      } else if (c == '{') {
        int open = i;
        skipBraces(depth);
        String inner = s.substring(open + 1, i - 1);
        if (inner.equals("_")) {
          underscore = true;
        }
        if (inner.indexOf('=') >= 0) {
          assignsInExpansion = true; // ${a:=b}, ${a=b}
        }
        if (!safeExpansion(inner)) {
          stop("the expansion ${" + inner + "}, which can stop the shell");
        }
      } else if (c == '\'') {
        // bash's $'..'; dash reads it as '$' and a quoted string
        int close = i + 1;
        while (close < n && s.charAt(close) != '\'') {
          close += s.charAt(close) == '\\' ? 2 : 1;
        }
        if (close >= n) {
          throw new Unsafe("an unclosed $'");
        }
        i = close + 1;
      } else if (c == '_' && (i + 1 >= n || !isNameChar(s.charAt(i + 1)))) {
        underscore = true;
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && isNameChar(s.charAt(i))) {
          i++;
        }
      } else if ("@*#?-$!0123456789".indexOf(c) >= 0) {
        i++;
      }
    }

    private void stop(String why) {
      if (stops == null) {
        stops = why;
      }
    }

    /** Notes a command substitution's text, unless it is inside another one. */
    private void substitution(int start, int end, int backquote) {
      if (nested == 0) {
        substitutions.add(new int[] {start, end, backquote});
      }
    }

    private static boolean isNameChar(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** At an opening parenthesis: skips to after its match, minding quotes. */
    private void skipParens(int depth) throws Unsafe {
      if (depth >= MAX_DEPTH) {
        throw new Unsafe("nesting deeper than " + MAX_DEPTH);
      }
      int n = s.length();
      int level = 0;
      nested++;
      while (i < n) {
        char c = s.charAt(i);
        switch (c) {
          case '(' -> {
            level++;
            i++;
          }
          case ')' -> {
            level--;
            i++;
            if (level == 0) {
              nested--;
              return;
            }
          }
          case '\\' -> i += 2;
          case '\'' -> {
            int close = s.indexOf('\'', i + 1);
            if (close < 0) {
              throw new Unsafe("an unclosed single quote");
            }
            i = close + 1;
          }
          case '"' -> {
            i++;
            doubleQuoted(new StringBuilder(), depth + 1);
          }
          case '`' -> backquote(depth + 1);
          case '$' -> {
            if (i + 1 < n && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
              dollar(depth + 1);
            } else {
              dollar(depth + 1);
            }
          }
          case '#' -> {
            char prev = s.charAt(i - 1);
            if (prev == ' ' || prev == '\t' || prev == '(' || prev == ';') {
              throw new Unsafe("a comment inside a substitution");
            }
            i++;
          }
          case '<' -> {
            if (s.startsWith("<<", i) && !s.startsWith("<<<", i)) {
              throw new Unsafe("a heredoc inside a substitution");
            }
            i++;
          }
          default -> i++;
        }
      }
      throw new Unsafe("an unclosed '('");
    }

    /** At an opening brace of ${: skips to after its match. */
    private void skipBraces(int depth) throws Unsafe {
      if (depth >= MAX_DEPTH) {
        throw new Unsafe("nesting deeper than " + MAX_DEPTH);
      }
      int n = s.length();
      i++; // {
      while (i < n) {
        char c = s.charAt(i);
        switch (c) {
          case '}' -> {
            i++;
            return;
          }
          case '\\' -> i += 2;
          case '\'' -> {
            int close = s.indexOf('\'', i + 1);
            if (close < 0) {
              throw new Unsafe("an unclosed single quote");
            }
            i = close + 1;
          }
          case '"' -> {
            i++;
            doubleQuoted(new StringBuilder(), depth + 1);
          }
          case '`' -> backquote(depth + 1);
          case '$' -> dollar(depth + 1);
          default -> i++;
        }
      }
      throw new Unsafe("an unclosed '${'");
    }

    private void backquote(int depth) throws Unsafe {
      int n = s.length();
      i++;
      int open = i;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\\') {
          i += 2;
        } else if (c == '`') {
          i++;
          substitution(open, i - 1, 1);
          return;
        } else {
          i++;
        }
      }
      throw new Unsafe("an unclosed backquote");
    }
  }
}
