package com.example.loyalty.gateway.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The shapes of request path the gateway refuses (400) before routing, authenticating or proxying anything.
 * <p>
 * The gateway routes and authorises by the path as Vert.x normalises it (percent-encoded unreserved characters
 * decoded, dot segments removed), while the service behind it decodes and resolves the path it receives by its own
 * rules. Any path on which the two could disagree is a way past the gateway: {@code /api/points/..%2F..%2Fq/metrics},
 * {@code /api/points/%2e%2e/surveys/...}, {@code //}, backslashes, {@code ;} path parameters, double encoding. None of
 * them is a path a client of this API ever needs, so none is passed on: what remains is a path that every HTTP
 * server reads the same way, which the gateway forwards as it came.
 * <p>
 * Refused in the path (the query is the service's to parse): anything but origin form ({@code /...}); empty segments
 * ({@code //}, a single trailing {@code /} aside) and dot segments ({@code .}, {@code ..}); backslashes, {@code ;},
 * {@code #}, spaces, control and non-ASCII characters; percent-encoded {@code /}, {@code \}, {@code .}, {@code %},
 * {@code ;} and control characters; malformed escapes and escapes that are not UTF-8 (overlong forms such as
 * {@code %c0%ae}).
 */
public final class PathPolicy {

    private PathPolicy() {}

    /** Why this request target is refused, or {@code null} if it is acceptable. */
    public static String violation(String requestTarget) {
        if (requestTarget == null || !requestTarget.startsWith("/")) {
            return "the request target must be an absolute path";
        }
        if (requestTarget.indexOf('#') >= 0) {
            return "a request target has no fragment";
        }
        int query = requestTarget.indexOf('?');
        String path = query < 0 ? requestTarget : requestTarget.substring(0, query);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return "the path has a space, control or non-ASCII character";
            }
            if (c == '\\') {
                return "the path has a backslash";
            }
            if (c == ';') {
                return "the path has a ';' (path parameters)";
            }
        }
        String encoded = encodedViolation(path);
        if (encoded != null) {
            return encoded;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
                return "the path has an empty segment ('//')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "the path has a dot segment";
            }
        }
        return null;
    }

    private static String encodedViolation(String path) {
        ByteBuffer bytes = ByteBuffer.allocate(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.put((byte) c);
                continue;
            }
            if (i + 2 >= path.length() || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
                return "the path has a malformed percent-encoding";
            }
            int b = hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2));
            switch (b) {
                case '/', '\\' -> {
                    return "the path has an encoded slash or backslash";
                }
                case '.' -> {
                    return "the path has an encoded dot";
                }
                case '%' -> {
                    return "the path is encoded twice ('%25')";
                }
                case ';' -> {
                    return "the path has an encoded ';'";
                }
                default -> {
                    if (b < 0x20 || b == 0x7f) {
                        return "the path has an encoded control character";
                    }
                }
            }
            bytes.put((byte) b);
            i += 2;
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            return "the path's percent-encoding is not UTF-8";
        }
        return null;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
