package com.example.loyalty.metrics.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Member ids are UUIDs (points-service's member id); parsed strictly, unlike {@link UUID#fromString}. */
public final class MemberIds {

    /** The canonical 8-4-4-4-12 hexadecimal form. */
    public static final String PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private MemberIds() {}

    /** @throws IllegalArgumentException if {@code value} is not a UUID in canonical form */
    public static UUID parse(String value) {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("member id is not a UUID: " + value);
        }
        return UUID.fromString(value);
    }
}
