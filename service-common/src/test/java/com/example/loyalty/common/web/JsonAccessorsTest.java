package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonAccessorsTest {

    record Summary(UUID id, String title, Integer rating, List<String> tags, Instant createdAt, boolean solved) {}

    /** Quarkus's REST mapper as far as these records go: ISO-8601 instants, the strict reading. */
    private static ObjectMapper plain() {
        return StrictJson.apply(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = plain();
        new JsonAccessors().customize(mapper);
        return mapper;
    }

    @Test
    void propertiesAreReadThroughGeneratedAccessorsNotReflection() throws Exception {
        BeanSerializer serializer =
                (BeanSerializer) mapper().getSerializerProviderInstance().findValueSerializer(Summary.class);
        List<String> writers = new ArrayList<>();
        serializer
                .properties()
                .forEachRemaining((PropertyWriter w) -> writers.add(w.getClass().getName()));
        assertEquals(6, writers.size(), writers.toString());
        assertTrue(
                writers.stream().allMatch(w -> w.startsWith("com.fasterxml.jackson.module.blackbird.")),
                "every property through Blackbird: " + writers);
    }

    @Test
    void whatIsWrittenAndReadStaysTheSame() throws Exception {
        Summary s = new Summary(
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
                "日本語のタイトル",
                null,
                List.of("a", "b"),
                Instant.parse("2026-12-04T10:15:30.123456Z"),
                true);
        String written = mapper().writeValueAsString(s);
        assertEquals(plain().writeValueAsString(s), written);
        assertEquals(s, mapper().readValue(written, Summary.class));
    }
}
