package com.example.loyalty.survey.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Picks one text out of a map of translations by the caller's language preferences. */
public final class Languages {

    /** Tried after the caller's own preferences. */
    static final List<String> FALLBACK = List.of("en", "ja");

    private Languages() {}

    /**
     * The order to try languages in: the explicit {@code lang} (if any), then the Accept-Language entries by
     * preference, then English, then Japanese.
     */
    public static List<String> preferences(String lang, List<Locale> acceptable) {
        List<String> order = new ArrayList<>();
        if (lang != null && !lang.isBlank()) {
            order.add(lang.trim());
        }
        if (acceptable != null) {
            for (Locale l : acceptable) {
                String tag = l.toLanguageTag();
                if (!tag.isBlank() && !"*".equals(l.getLanguage()) && !"und".equals(tag)) {
                    order.add(tag);
                }
            }
        }
        order.addAll(FALLBACK);
        return order;
    }

    /** The language key of {@code texts} that best matches {@code preferences}; {@code null} for an empty map. */
    public static String choose(Map<String, String> texts, List<String> preferences) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        for (String wanted : preferences) {
            for (String key : texts.keySet()) {
                if (key.equalsIgnoreCase(wanted)) {
                    return key;
                }
            }
            String language = primary(wanted);
            for (String key : texts.keySet()) {
                if (primary(key).equals(language)) {
                    return key;
                }
            }
        }
        return texts.keySet().stream().sorted().findFirst().orElseThrow();
    }

    /** The text in the chosen language, or {@code null} for an empty map. */
    public static String text(Map<String, String> texts, List<String> preferences) {
        String key = choose(texts, preferences);
        return key == null ? null : texts.get(key);
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
