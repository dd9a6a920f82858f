package io.github.dockerfiledsl.instruction;

import io.github.dockerfiledsl.Templates;
import io.github.dockerfiledsl.internal.Checks;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code RUN --mount=type=...} mount. All string values are templates (see {@link
 * Instruction}).
 */
public sealed interface Mount
    permits Mount.Bind, Mount.Cache, Mount.Tmpfs, Mount.Secret, Mount.Ssh, Mount.Expanded {

  /**
   * Returns the mount type as written in {@code type=}.
   *
   * @return {@code bind}, {@code cache}, {@code tmpfs}, {@code secret} or {@code ssh}
   */
  String type();

  /** Sharing mode of a cache mount. */
  enum Sharing {
    /** Several writers may use the cache at once (the default). */
    SHARED,
    /** A second writer gets a new, empty cache. */
    PRIVATE,
    /** A second writer waits until the first releases the cache. */
    LOCKED;

    /**
     * Returns the value as written in {@code sharing=}.
     *
     * @return the lower-case name
     */
    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Returns a read-only bind mount of the build context at {@code target}.
   *
   * @param target the mount point
   * @return the mount
   */
  static Bind bind(String target) {
    return new Bind(Optional.of(target), Optional.empty(), Optional.empty(), false);
  }

  /**
   * Returns a shared cache mount at {@code target}.
   *
   * @param target the mount point, e.g. {@code /var/cache/apt}
   * @return the mount
   */
  static Cache cache(String target) {
    return new Cache(target, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Returns a tmpfs mount at {@code target}.
   *
   * @param target the mount point
   * @return the mount
   */
  static Tmpfs tmpfs(String target) {
    return new Tmpfs(target, Optional.empty());
  }

  /**
   * Returns a secret mount with the given id, at {@code /run/secrets/<id>}.
   *
   * @param id the secret id
   * @return the mount
   */
  static Secret secret(String id) {
    return new Secret(Optional.of(id), Optional.empty(), Optional.empty(), false,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Returns the default SSH agent mount.
   *
   * @return the mount
   */
  static Ssh ssh() {
    return new Ssh(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  private static void checkTarget(String target) {
    Checks.word(target, "mount target");
    Checks.check(!target.equals("/"), "mount target (%s) must not be /", Checks.quote(target));
  }

  private static void checkOptional(Optional<String> value, String field) {
    Checks.optional(value, field).ifPresent(v -> Checks.singleLine(v, field));
  }

  /**
   * Checks a mount option BuildKit parses as a number or size (after expansion), when the
   * template has no variable reference: mode is octal, uid and gid decimal, size a byte size
   * such as {@code 64m} or {@code 1.5GiB}.
   */
  private static void checkFormat(Optional<String> value, String field, Pattern format,
      String what) {
    checkOptional(value, field);
    value.filter(v -> !Templates.hasVariables(v)).ifPresent(v -> Checks.check(
        format.matcher(Templates.unescape(v)).matches(),
        "%s (%s) must be %s",
        field,
        Checks.quote(v),
        what));
  }



  /**
   * {@code type=bind}: a directory of the context, a stage or an image, read-only unless
   * {@code rw}.
   *
   * @param target the mount point; when empty BuildKit mounts at the working directory, as a
   *     relative target is resolved against WORKDIR ({@code RUN --mount=from=src,rw make})
   * @param source the path in the source, default its root
   * @param from a stage name, image or context to mount from, default the build context
   * @param readWrite whether writes are allowed (they are discarded)
   */
  record Bind(
      Optional<String> target, Optional<String> source, Optional<String> from, boolean readWrite)
      implements Mount {
    /**
     * Creates a bind mount.
     *
     * @param target the mount point, or empty for the working directory
     * @param source the source path
     * @param from the stage, image or context
     * @param readWrite whether writes are allowed
     */
    public Bind {
      Checks.optional(target, "bind mount target").ifPresent(Mount::checkTarget);
      checkOptional(source, "bind mount source");
      checkOptional(from, "bind mount from");
    }

    @Override
    public String type() {
      return "bind";
    }
  }

  /**
   * {@code type=cache}: a persistent cache directory for compilers and package managers.
   *
   * @param target the mount point
   * @param id the cache id, default the target
   * @param sharing the sharing mode, default shared
   * @param from a stage or image to seed the cache from
   * @param source the subpath in {@code from}
   * @param readOnly whether the cache is read-only
   * @param mode the file mode of a new cache directory, default 0755
   * @param uid the owner of a new cache directory, default 0
   * @param gid the group of a new cache directory, default 0
   */
  record Cache(
      String target,
      Optional<String> id,
      Optional<Sharing> sharing,
      Optional<String> from,
      Optional<String> source,
      boolean readOnly,
      Optional<String> mode,
      Optional<String> uid,
      Optional<String> gid)
      implements Mount {
    /**
     * Creates a cache mount.
     *
     * @param target the mount point
     * @param id the cache id
     * @param sharing the sharing mode
     * @param from the stage or image
     * @param source the subpath
     * @param readOnly whether read-only
     * @param mode the directory mode
     * @param uid the owner
     * @param gid the group
     */
    public Cache {
      checkTarget(target);
      checkOptional(id, "cache mount id");
      Checks.optional(sharing, "cache mount sharing");
      checkOptional(from, "cache mount from");
      checkOptional(source, "cache mount source");
      checkFormat(mode, "cache mount mode", MountFormats.MODE, "an octal mode such as 0755");
      checkFormat(uid, "cache mount uid", MountFormats.ID, "a decimal id");
      checkFormat(gid, "cache mount gid", MountFormats.ID, "a decimal id");
    }

    /**
     * Returns this mount with the given sharing mode.
     *
     * @param newSharing the sharing mode
     * @return a new mount
     */
    public Cache withSharing(Sharing newSharing) {
      return new Cache(target, id, Optional.of(newSharing), from, source, readOnly, mode, uid, gid);
    }

    /**
     * Returns this mount with the given id.
     *
     * @param newId the cache id
     * @return a new mount
     */
    public Cache withId(String newId) {
      return new Cache(target, Optional.of(newId), sharing, from, source, readOnly, mode, uid, gid);
    }

    @Override
    public String type() {
      return "cache";
    }
  }

  /**
   * {@code type=tmpfs}: an in-memory file system.
   *
   * @param target the mount point
   * @param size the size limit in bytes, a template such as {@code 64m}
   */
  record Tmpfs(String target, Optional<String> size) implements Mount {
    /**
     * Creates a tmpfs mount.
     *
     * @param target the mount point
     * @param size the size limit
     */
    public Tmpfs {
      checkTarget(target);
      checkFormat(size, "tmpfs mount size", MountFormats.SIZE, "a size such as 64m");
    }

    @Override
    public String type() {
      return "tmpfs";
    }
  }

  /**
   * {@code type=secret}: a build secret as a file or an environment variable; it never enters
   * a layer.
   *
   * @param id the secret id, default the base name of the target
   * @param target the file path, default {@code /run/secrets/<id>}
   * @param env the environment variable to expose the secret as
   * @param required whether the build fails without the secret
   * @param mode the file mode, default 0400
   * @param uid the owner
   * @param gid the group
   */
  record Secret(
      Optional<String> id,
      Optional<String> target,
      Optional<String> env,
      boolean required,
      Optional<String> mode,
      Optional<String> uid,
      Optional<String> gid)
      implements Mount {
    /**
     * Creates a secret mount.
     *
     * @param id the secret id
     * @param target the file path
     * @param env the environment variable
     * @param required whether required
     * @param mode the file mode
     * @param uid the owner
     * @param gid the group
     */
    public Secret {
      checkOptional(id, "secret mount id");
      Checks.optional(target, "secret mount target").ifPresent(Mount::checkTarget);
      checkOptional(env, "secret mount env");
      Checks.check(
          id.isPresent() || target.isPresent() || env.isPresent(),
          "secret mount needs an id, a target or an env");
      checkFormat(mode, "secret mount mode", MountFormats.MODE, "an octal mode such as 0755");
      checkFormat(uid, "secret mount uid", MountFormats.ID, "a decimal id");
      checkFormat(gid, "secret mount gid", MountFormats.ID, "a decimal id");
    }

    /**
     * Returns this mount exposed as the environment variable {@code name}.
     *
     * @param name the variable name
     * @return a new mount
     */
    public Secret withEnv(String name) {
      return new Secret(id, target, Optional.of(name), required, mode, uid, gid);
    }

    /**
     * Returns this mount, required or not.
     *
     * @param isRequired whether the build fails without the secret
     * @return a new mount
     */
    public Secret withRequired(boolean isRequired) {
      return new Secret(id, target, env, isRequired, mode, uid, gid);
    }

    @Override
    public String type() {
      return "secret";
    }
  }

  /**
   * {@code type=ssh}: access to an SSH agent socket of the client.
   *
   * @param id the SSH agent id, default {@code default}
   * @param target the socket path
   * @param required whether the build fails without the agent
   * @param mode the socket mode, default 0600
   * @param uid the owner
   * @param gid the group
   */
  record Ssh(
      Optional<String> id,
      Optional<String> target,
      boolean required,
      Optional<String> mode,
      Optional<String> uid,
      Optional<String> gid)
      implements Mount {
    /**
     * Creates an ssh mount.
     *
     * @param id the agent id
     * @param target the socket path
     * @param required whether required
     * @param mode the socket mode
     * @param uid the owner
     * @param gid the group
     */
    public Ssh {
      checkOptional(id, "ssh mount id");
      Checks.optional(target, "ssh mount target").ifPresent(Mount::checkTarget);
      checkFormat(mode, "ssh mount mode", MountFormats.MODE, "an octal mode such as 0755");
      checkFormat(uid, "ssh mount uid", MountFormats.ID, "a decimal id");
      checkFormat(gid, "ssh mount gid", MountFormats.ID, "a decimal id");
    }

    @Override
    public String type() {
      return "ssh";
    }
  }

  /**
   * A mount whose type, or an option the other records type (sharing, ro, rw, readonly,
   * required), is given by a variable: BuildKit expands ARG and ENV in every mount option but
   * {@code from} when it builds ({@code --mount=type=$MNT_TYPE,target=/cache}), so the model keeps
   * the options as written, in order.
   *
   * @param fields the options: {@code key=value} with the value a template, or a bare {@code
   *     key} ({@code ro}, {@code rw}, {@code required}); the keys are BuildKit's, in lower case
   */
  record Expanded(java.util.List<String> fields) implements Mount {
    private static final java.util.Set<String> KEYS = java.util.Set.of("type", "from", "source",
        "src", "target", "dst", "destination", "readonly", "ro", "readwrite", "rw", "required",
        "id", "sharing", "mode", "uid", "gid", "size", "env");

    /**
     * Creates a mount of options.
     *
     * @param fields the options
     */
    public Expanded {
      fields = Checks.list(fields, "mount options");
      Checks.check(!fields.isEmpty(), "a mount needs at least one option");
      for (String f : fields) {
        Checks.singleLine(f, "mount option");
        int eq = f.indexOf('=');
        String key = eq < 0 ? f : f.substring(0, eq);
        Checks.check(KEYS.contains(key), "mount option key (%s) must be one of %s",
            Checks.quote(key), new java.util.TreeSet<>(KEYS));
        if (key.equals("from") && eq >= 0) {
          Checks.check(!Templates.hasVariables(f.substring(eq + 1)),
              "mount from (%s) must not hold a variable: BuildKit resolves the stage before"
                  + " variables are known", Checks.quote(f.substring(eq + 1)));
        }
      }
    }

    /**
     * Returns the template of the {@code type} option, {@code bind} when there is none.
     *
     * @return the type as written, e.g. {@code $MNT_TYPE}
     */
    @Override
    public String type() {
      for (String f : fields) {
        if (f.startsWith("type=")) {
          return f.substring("type=".length());
        }
      }
      return "bind";
    }
  }
}
