package io.github.dockerfiledsl.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal, deterministic POSIX tar writer: ustar headers, pax extended headers for long or
 * non-ASCII names, uid/gid 0, owner and group {@code root}, one fixed mtime.
 *
 * <p>Not thread-safe; the caller orders the entries and closes the archive with {@link #finish()}.
 */
final class TarWriter {

  private static final int BLOCK = 512;

  private final OutputStream out;
  private final long mtime;

  TarWriter(OutputStream out, long mtime) {
    this.out = out;
    this.mtime = mtime;
  }

  /** Writes a directory entry; {@code path} has no trailing slash. */
  void directory(String path) throws IOException {
    entry(path + "/", '5', 0755, new byte[0]);
  }

  /** Writes a regular file entry. */
  void file(String path, byte[] content, boolean executable) throws IOException {
    entry(path, '0', executable ? 0755 : 0644, content);
  }

  /** Writes the two zero blocks that end the archive and flushes the stream. */
  void finish() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.flush();
  }

  private void entry(String path, char type, int mode, byte[] content) throws IOException {
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    String prefix = "";
    String shortName = path;
    boolean ascii = name.length == path.length();
    if (!ascii || name.length > 100) {
      int split = ascii ? splitPoint(path) : -1;
      if (split > 0) {
        prefix = path.substring(0, split);
        shortName = path.substring(split + 1);
      } else {
        byte[] pax = paxRecord("path", path);
        header(paxName(path), 'x', 0644, pax.length, "");
        body(pax);
        shortName = asciiFallback(path);
      }
    }
    header(shortName, type, mode, content.length, prefix);
    body(content);
  }

  /** Returns the index of the slash that splits {@code path} into ustar prefix and name, or -1. */
  private static int splitPoint(String path) {
    int limit = Math.min(path.length() - 1, 155);
    for (int i = limit; i > 0; i--) {
      if (path.charAt(i) == '/' && path.length() - i - 1 <= 100 && path.length() - i - 1 > 0) {
        return i;
      }
    }
    return -1;
  }

  private static String paxName(String path) {
    String name = "PaxHeaders/" + asciiFallback(path.endsWith("/")
        ? path.substring(0, path.length() - 1) : path).replace('/', '_');
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  /** An ASCII name of at most 99 characters for readers that ignore pax headers. */
  private static String asciiFallback(String path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.length() && sb.length() < 99; i++) {
      char c = path.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '_');
    }
    return sb.toString();
  }

  /** A pax record {@code "<len> <key>=<value>\n"} where len counts the whole record. */
  private static byte[] paxRecord(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int len = body + Integer.toString(body).length();
    if (Integer.toString(len).length() != Integer.toString(body).length()) {
      len++;
    }
    return (len + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private void header(String name, char type, int mode, long size, String prefix)
      throws IOException {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) type;
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    put(h, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
    put(h, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
    octal(h, 329, 8, 0);
    octal(h, 337, 8, 0);
    put(h, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(chk, 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
    out.write(h);
  }

  private void body(byte[] content) throws IOException {
    out.write(content);
    int pad = (BLOCK - content.length % BLOCK) % BLOCK;
    out.write(new byte[pad]);
  }

  private static void put(byte[] h, int off, int len, byte[] value) {
    if (value.length > len) {
      throw new IllegalArgumentException("tar header field too long (" + value.length + " > "
          + len + ")");
    }
    System.arraycopy(value, 0, h, off, value.length);
  }

  private static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    if (s.length() > len - 1) {
      throw new IllegalArgumentException("value (" + value + ") does not fit a tar header field");
    }
    String padded = "0".repeat(len - 1 - s.length()) + s;
    put(h, off, len - 1, padded.getBytes(StandardCharsets.US_ASCII));
    h[off + len - 1] = 0;
  }
}
