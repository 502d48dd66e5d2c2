package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

class ParameterFormatsTest {

    enum Status {
        OPEN,
        CLOSED
    }

    enum Kind {
        EARN,
        BURN;

        public static Kind fromString(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    static class Assumptions {
        @QueryParam("margin")
        public String margin;

        @QueryParam("years")
        public Integer years;
    }

    @SuppressWarnings("unused")
    static class Resource {
        public void list(
                @RestPath UUID memberId,
                @RestQuery int page,
                @QueryParam("size") Integer size,
                @RestQuery List<Status> status,
                @RestQuery Kind kind,
                @RestQuery LocalDate from,
                @RestQuery String text,
                @HeaderParam("X-Count") long count,
                @BeanParam Assumptions assumptions) {}

        public void one(@PathParam("id") String id) {}
    }

    private static Method method(String name) throws Exception {
        for (Method m : Resource.class.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void theParametersOfTypesWithAFormatAreChecked() throws Exception {
        String found = ParameterFormats.checksOf(method("list")).stream()
                .map(c -> c.in() + ":" + c.name())
                .collect(Collectors.joining(" "));
        assertEquals(
                "path:memberId query:page query:size query:status query:kind query:from header:X-Count query:years",
                found);
        assertEquals(List.of(), ParameterFormats.checksOf(method("one")), "a String takes anything");
    }

    @Test
    void eachFormatAcceptsWhatRestEasyReadsAndNothingElse() {
        var number = ParameterFormats.formatOf(int.class);
        assertTrue(number.accepts("20"));
        assertTrue(number.accepts("-1"), "the range is the resource's to check");
        assertFalse(number.accepts("abc"));
        assertFalse(number.accepts("107374183000"), "beyond an int");
        assertFalse(number.accepts(""));
        var uuid = ParameterFormats.formatOf(UUID.class);
        assertTrue(uuid.accepts("6f1c1b8e-0d55-4a43-9a53-0a3c3ed1f1a2"));
        assertFalse(uuid.accepts("not-a-uuid"));
        var status = ParameterFormats.formatOf(Status.class);
        assertTrue(status.accepts("OPEN"));
        assertFalse(status.accepts("open"));
        assertEquals("one of OPEN, CLOSED", status.expected());
        var kind = ParameterFormats.formatOf(Kind.class);
        assertTrue(kind.accepts("earn"), "an enum's own fromString is used, as JAX-RS does");
        assertFalse(kind.accepts("gift"));
        assertTrue(ParameterFormats.formatOf(LocalDate.class).accepts("2026-12-03"));
        assertFalse(ParameterFormats.formatOf(LocalDate.class).accepts("03/12/2026"));
        assertNull(ParameterFormats.formatOf(String.class));
    }
}
