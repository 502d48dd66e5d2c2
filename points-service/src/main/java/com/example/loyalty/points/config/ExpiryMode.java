package com.example.loyalty.points.config;

/** How a lot's expiry date follows from when it was earned ({@code points.expiry.mode}). */
public enum ExpiryMode {
    /** Points never expire. */
    NEVER,
    /** At the end of the day {@code points.expiry.months} months after the day of earning. */
    MONTHS_AFTER_EARNING,
    /** At the end of the fiscal year in which the day {@code points.expiry.months} months after earning falls. */
    FISCAL_PERIOD_END
}
