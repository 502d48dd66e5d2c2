package com.example.loyalty.gateway.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids and W3C Trace Context ({@code traceparent}) values: validation of what a client sent
 * and generation of fresh ones.
 */
public final class RequestIds {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** version-traceid-parentid-flags, lower-case hex (W3C Trace Context, level 1). */
    private static final Pattern TRACEPARENT_PATTERN =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {}

    /** A client-sent id is kept only if it is 1..64 characters of {@code [A-Za-z0-9_-]}. */
    public static boolean isSaneRequestId(String value) {
        return value != null && SANE_REQUEST_ID.matcher(value).matches();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} draws from one shared SecureRandom per request.
     */
    public static String newRequestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * Whether {@code value} is a traceparent the gateway may forward: version {@code 00} exactly as
     * specified, or a later version (not {@code ff}) that starts with the version-00 fields.
     */
    public static boolean isValidTraceparent(String value) {
        if (value == null) {
            return false;
        }
        var matcher = TRACEPARENT_PATTERN.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        String version = matcher.group(1);
        if (version.equals("ff")) {
            return false;
        }
        if (version.equals("00") && matcher.group(5) != null) {
            return false;
        }
        return !matcher.group(2).equals(ZERO_TRACE_ID) && !matcher.group(3).equals(ZERO_PARENT_ID);
    }

    /** A new traceparent (version 00, random trace and parent ids, sampled). */
    public static String newTraceparent() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        do {
            RANDOM.nextBytes(buffer);
        } while (allZero(buffer));
        return HEX.formatHex(buffer);
    }

    private static boolean allZero(byte[] buffer) {
        for (byte b : buffer) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
