package io.github.dockerfiledsl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the first entry of a tar stream (ustar, pax and GNU long names), as the engine sends it. */
final class TarEntryReader {
  private TarEntryReader() {}

  /** The first entry, with its content up to {@code maxContent} bytes. */
  record Entry(String name, char type, int mode, int uid, int gid, String linkName, byte[] content) {}

  static Entry first(InputStream in, int maxContent) throws IOException {
    Map<String, String> pax = new HashMap<>();
    String longName = null;
    while (true) {
      byte[] h = in.readNBytes(512);
      if (h.length < 512 || isZero(h)) {
        throw new IOException("the archive has no entry");
      }
      char type = (char) (h[156] == 0 ? '0' : h[156]);
      long size = number(h, 124, 12);
      if (type == 'x' || type == 'g' || type == 'L') {
        byte[] data = in.readNBytes((int) size);
        skipPadding(in, size);
        if (type == 'x') {
          parsePax(new String(data, StandardCharsets.UTF_8), pax);
        } else if (type == 'L') {
          longName = cString(data, 0, data.length);
        }
        continue;
      }
      String name = cString(h, 0, 100);
      String prefix = cString(h, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      if (longName != null) {
        name = longName;
      }
      name = pax.getOrDefault("path", name);
      int uid = Integer.parseInt(pax.getOrDefault("uid", Long.toString(number(h, 108, 8))));
      int gid = Integer.parseInt(pax.getOrDefault("gid", Long.toString(number(h, 116, 8))));
      String link = pax.getOrDefault("linkpath", cString(h, 157, 100));
      size = Long.parseLong(pax.getOrDefault("size", Long.toString(size)));
      int mode = (int) (number(h, 100, 8) & 07777);
      byte[] content = new byte[0];
      if (type == '0' || type == '7') {
        if (size > maxContent) {
          throw new IOException("the file has " + size + " bytes, more than the " + maxContent + " read");
        }
        content = in.readNBytes((int) size);
      }
      return new Entry(name, type, mode, uid, gid, link, content);
    }
  }

  private static void parsePax(String records, Map<String, String> out) {
    int i = 0;
    while (i < records.length()) {
      int space = records.indexOf(' ', i);
      if (space < 0) {
        return;
      }
      int length = Integer.parseInt(records.substring(i, space));
      String record = new String(records.substring(i).getBytes(StandardCharsets.UTF_8), 0, length,
          StandardCharsets.UTF_8);
      String kv = record.substring(record.indexOf(' ') + 1, record.length() - 1);
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      i += record.length();
    }
  }

  private static void skipPadding(InputStream in, long size) throws IOException {
    long pad = (512 - size % 512) % 512;
    in.readNBytes((int) pad);
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long number(byte[] h, int off, int len) {
    if ((h[off] & 0x80) != 0) { // base-256
      long v = h[off] & 0x7f;
      for (int i = 1; i < len; i++) {
        v = (v << 8) | (h[off + i] & 0xff);
      }
      return v;
    }
    String s = cString(h, off, len).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }

  /** Reads a whole small stream. */
  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  static Optional<String> nonEmpty(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
