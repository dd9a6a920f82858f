package io.github.dockerfiledsl.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Syntax checks of a RUN {@code --mount} value, after BuildKit's mount parser. */
final class MountSyntax {
  static final String EXPECTED =
      "type=bind|cache|tmpfs|secret|ssh followed by key=value pairs such as target=/path";

  private static final Set<String> TYPES = Set.of("bind", "cache", "tmpfs", "secret", "ssh");

  private MountSyntax() {}

  /** Splits a CSV field list like Go's encoding/csv (quotes allowed). Null when malformed. */
  static List<String> fields(String value) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = value.length();
    while (true) {
      cur.setLength(0);
      if (i < n && value.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            return null;
          }
          char c = value.charAt(i++);
          if (c == '"') {
            if (i < n && value.charAt(i) == '"') {
              cur.append('"');
              i++;
              continue;
            }
            break;
          }
          cur.append(c);
        }
        if (i < n && value.charAt(i) != ',') {
          return null;
        }
      } else {
        while (i < n && value.charAt(i) != ',') {
          char c = value.charAt(i++);
          if (c == '"') {
            return null;
          }
          cur.append(c);
        }
      }
      out.add(cur.toString());
      if (i >= n) {
        return out;
      }
      i++; // comma
    }
  }

  private static final Set<String> KEYS = Set.of("type", "from", "source", "src", "target", "dst",
      "destination", "readonly", "ro", "readwrite", "rw", "required", "id", "sharing", "mode", "uid",
      "gid", "size", "env");

  /** BuildKit's test for a value it defers to build time: a '$' followed by any character. */
  static boolean hasVariable(String value) {
    int i = value.indexOf('$');
    return i >= 0 && i < value.length() - 1;
  }

  private static boolean isBool(String v) {
    return Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False")
        .contains(v);
  }

  /** Returns a problem description, or null when the mount is well-formed. */
  static String check(String value) {
    List<String> fields = fields(value);
    if (fields == null) {
      return "invalid mount syntax '" + value + "': malformed CSV";
    }
    String type = "bind";
    for (String field : fields) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq >= 0 && key.equals("from") && hasVariable(field.substring(eq + 1))) {
        // commands_runmount.go: the stage is resolved before variables are known
        return "'from' doesn't support variable expansion, define alias stage instead";
      }
    }
    for (String field : fields) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq >= 0 && hasVariable(field.substring(eq + 1))) {
        if (key.equals("type")) {
          type = null; // known at build time only
        }
        continue;
      }
      if (key.equals("type")) {
        type = eq < 0 ? "" : field.substring(eq + 1).toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
          return "unsupported mount type \"" + (eq < 0 ? "" : field.substring(eq + 1)) + "\"";
        }
      }
    }

    for (String field : fields) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      String v = eq < 0 ? null : field.substring(eq + 1);
      if (v != null && hasVariable(v) && !key.equals("from")) {
        if (!KEYS.contains(key)) {
          return "unexpected key '" + key + "' in '" + field + "'";
        }
        continue; // BuildKit expands ARG and ENV here when it builds, and checks the value then
      }
      switch (key) {
        case "type":
          break;
        case "readonly":
        case "ro":
        case "readwrite":
        case "rw":
        case "required":
          if (v != null && !isBool(v)) {
            return "invalid value for " + key + ": " + v;
          }
          break;
        case "target":
        case "dst":
        case "destination":
          if (v == null) {
            return "invalid field '" + field + "' must be a key=value pair";
          }
          if (v.equals("/")) {
            return "invalid mount target \"/\"";
          }

          break;
        case "source":
        case "src":
        case "from":
        case "id":
        case "env":
          if (v == null) {
            return "invalid field '" + field + "' must be a key=value pair";
          }
          break;
        case "sharing":
          if (v == null) {
            return "invalid field '" + field + "' must be a key=value pair";
          }
          if (!Set.of("shared", "private", "locked").contains(v.toLowerCase(Locale.ROOT))) {
            return "unsupported sharing value \"" + v + "\"";
          }
          break;
        case "mode":
          if (v == null || !v.matches("[0-7]+")) {
            return "invalid value " + (v == null ? "" : v) + " for mode";
          }
          break;
        case "uid":
        case "gid":
          if (v == null || !v.matches("[0-9]+")) {
            return "invalid value " + (v == null ? "" : v) + " for " + key;
          }
          break;
        case "size":
          if (v == null || v.isEmpty()) {
            return "invalid value for size";
          }
          break;
        default:
          return "unexpected key '" + key + "' in '" + field + "'";
      }
    }
    if ("ssh".equals(type) && fields.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).startsWith("source=")
        || f.toLowerCase(Locale.ROOT).startsWith("src="))) {
      return "ssh mounts do not accept a source";
    }
    return null;
  }
}
