package io.github.dockerfiledsl.registry;

import java.util.Objects;

/**
 * A user name and password (or token used as password) for one registry.
 *
 * @param username the user name
 * @param password the password; never shown by {@link #toString()}
 */
public record Credential(String username, String password) {

  /**
   * Creates a credential.
   *
   * @param username the user name
   * @param password the password
   */
  public Credential {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
  }

  /**
   * Returns the user name only.
   *
   * @return {@code Credential[username=..., password=***]}
   */
  @Override
  public String toString() {
    return "Credential[username=" + username + ", password=***]";
  }
}
