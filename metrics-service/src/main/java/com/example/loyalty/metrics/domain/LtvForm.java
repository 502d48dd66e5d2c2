package com.example.loyalty.metrics.domain;

import java.util.Locale;

/** The three simple lifetime-value forms of the product description. */
public enum LtvForm {
    /** Average order value × gross margin × purchases per year × retention years − acquisition and retention cost. */
    ORDER_FREQUENCY,
    /** Annual revenue × gross margin × retention years. */
    ANNUAL_REVENUE,
    /** Average order value × number of purchases (what the member has spent so far). */
    HISTORICAL;

    /** {@code order-frequency}, {@code annual-revenue}, {@code historical}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Case-insensitive wire name; {@code null} if {@code name} is no form. */
    public static LtvForm parse(String name) {
        if (name == null) {
            return null;
        }
        for (LtvForm f : values()) {
            if (f.wireName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        return null;
    }
}
