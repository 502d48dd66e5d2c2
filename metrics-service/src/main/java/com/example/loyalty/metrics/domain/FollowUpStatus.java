package com.example.loyalty.metrics.domain;

import com.example.loyalty.common.text.Enums;
import java.util.Locale;

/**
 * Where a follow-up item stands: open → contacted → resolved, or open → resolved directly. Resolved is final.
 * The REST contract writes the names in lower case.
 */
public enum FollowUpStatus {
    OPEN,
    CONTACTED,
    RESOLVED;

    /** True if an item in this state may be moved to {@code next} (staying in OPEN or CONTACTED is allowed). */
    public boolean canMoveTo(FollowUpStatus next) {
        return switch (this) {
            case OPEN -> true;
            case CONTACTED -> next == CONTACTED || next == RESOLVED;
            case RESOLVED -> false;
        };
    }

    /** The contract's name: {@code open}, {@code contacted}, {@code resolved}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; {@code null} if {@code name} is no status. */
    public static FollowUpStatus parse(String name) {
        return Enums.parse(FollowUpStatus.class, name);
    }
}
