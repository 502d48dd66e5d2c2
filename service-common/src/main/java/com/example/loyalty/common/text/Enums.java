package com.example.loyalty.common.text;

import java.util.Locale;

/** Enum constants from the names clients and events use. */
public final class Enums {

    private Enums() {}

    /** The constant of {@code type} named {@code name} in any case, trimmed; {@code null} if there is none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
