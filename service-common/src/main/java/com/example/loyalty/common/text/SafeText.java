package com.example.loyalty.common.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text no field accepts: the NUL character (U+0000), which PostgreSQL cannot store in a text column and which cuts
 * strings short in C clients and logs, and a lone (unpaired) surrogate, which is no Unicode character at all and
 * cannot be written as UTF-8. Checked once for every JSON string ({@code StrictJson}) and every URL part and header
 * ({@code TextInputFilter}).
 */
public final class SafeText {

    private SafeText() {}

    /** The index of the first NUL or lone surrogate in {@code text}, or -1 when there is none (or no text). */
    public static int firstForbidden(CharSequence text) {
        if (text == null) {
            return -1;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one character outside the Basic Multilingual Plane
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** What {@link #firstForbidden} found, for a problem's detail; null when the text is fine. */
    public static String problemIn(CharSequence text) {
        int at = firstForbidden(text);
        if (at < 0) {
            return null;
        }
        char c = text.charAt(at);
        return c == '\0'
                ? "contains a NUL character (U+0000)"
                : String.format("contains a lone surrogate (U+%04X), which is not a Unicode character", (int) c);
    }

    /**
     * {@code text} safe to echo in an answer or a log line: each NUL, other control character except tab, and lone
     * surrogate becomes U+FFFD, so that a problem quoting what the client sent can always be written as UTF-8.
     */
    public static String printable(CharSequence text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            bad = Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\t');
            if (bad && out == null) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /**
     * A percent-encoded URL part (a path, or a query parameter's name or value) decoded as strict UTF-8. Each
     * {@code %XY} is one byte; any other character stands for itself ({@code +} too: decode it before calling for a
     * query, where it means a space). Characters above U+00FF do not occur in a request line (it is read as
     * ISO-8859-1 bytes) and are taken as they are.
     *
     * @throws IllegalArgumentException naming what is wrong: a malformed escape, or bytes that are not UTF-8 (which
     *     includes an encoded surrogate such as {@code %ED%A0%80})
     */
    public static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0 && allAscii(raw)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= n) {
                    throw new IllegalArgumentException("has a truncated percent-escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("has a malformed percent-escape");
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x100) {
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not valid UTF-8 (an encoded surrogate or a broken byte sequence)");
        }
    }

    private static boolean allAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
