package com.example.loyalty.survey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final Map<String, String> BOTH = Map.of("en", "Hello", "ja", "こんにちは");

    @Test
    void langComesFirstThenAcceptLanguageThenEnglishThenJapanese() {
        assertEquals("ja", Languages.choose(BOTH, Languages.preferences("ja", List.of(Locale.ENGLISH))));
        assertEquals("ja", Languages.choose(BOTH, Languages.preferences(null, List.of(Locale.FRENCH, Locale.JAPAN))));
        assertEquals("en", Languages.choose(BOTH, Languages.preferences("de", List.of())));
        assertEquals("ja", Languages.choose(Map.of("ja", "x", "fr", "y"), Languages.preferences(null, List.of())));
        assertEquals("fr", Languages.choose(Map.of("fr", "y", "de", "z"), Languages.preferences("fr-CA", List.of())));
        assertEquals(
                "de",
                Languages.choose(Map.of("fr", "y", "de", "z"), Languages.preferences(null, List.of())),
                "no preferred language at all: a stable choice");
        assertEquals("こんにちは", Languages.text(BOTH, Languages.preferences("JA", null)));
        assertNull(Languages.text(Map.of(), Languages.preferences("ja", null)));
    }
}
