package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MalformedMediaTypesTest {

    @Test
    void mediaTypesParse() {
        for (String type : new String[] {
            "application/json", "application/json; charset=UTF-8", "text/csv", "*/*", "application/problem+json"
        }) {
            assertTrue(MalformedMediaTypes.parses(type), type);
        }
    }

    /** What the OpenAPI fuzzer sent and the REST layer answered with a 500. */
    @Test
    void junkDoesNot() {
        for (String type : new String[] {"garbage", "/", "application/", "garbage;;q=x"}) {
            assertFalse(MalformedMediaTypes.parses(type), type);
        }
        assertFalse(MalformedMediaTypes.acceptParses("application/json, garbage;;q=x"));
        assertTrue(MalformedMediaTypes.acceptParses("application/json, text/*;q=0.5, */*"));
    }
}
