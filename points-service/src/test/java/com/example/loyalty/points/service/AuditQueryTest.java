package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.domain.AuditAction;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void nothingGivenIsTheFirstPageOfEverything() {
        AuditQuery q = AuditQuery.parse(null, "", "  ", null, null, null, null, null);
        assertEquals(new AuditQuery(null, null, null, null, null, null, null, AuditQuery.DEFAULT_SIZE), q);
    }

    @Test
    void filtersAreTrimmedAndParsed() {
        AuditQuery q = AuditQuery.parse(
                " admin-1 ",
                "m-1",
                "MEMBER",
                "points_adjusted",
                "2026-01-01T09:00:00+09:00",
                "2026-01-02T00:00:00Z",
                null,
                "200");
        assertEquals("admin-1", q.actor());
        assertEquals("m-1", q.targetId());
        assertEquals("MEMBER", q.targetType());
        assertEquals(AuditAction.POINTS_ADJUSTED, q.action());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), q.from());
        assertEquals(Instant.parse("2026-01-02T00:00:00Z"), q.to());
        assertEquals(200, q.size());
        assertNull(q.after());
    }

    @Test
    void aCursorComesBackAsItWent() {
        AuditQuery.Cursor cursor = new AuditQuery.Cursor(Instant.parse("2026-03-04T05:06:07.123456Z"), 42);
        String text = cursor.encode();
        assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
        assertEquals(
                cursor,
                AuditQuery.parse(null, null, null, null, null, null, text, null).after());
    }

    @Test
    void badValuesAre400Problems() {
        assertBad(() -> AuditQuery.parse(null, null, null, null, "2026-01-01", null, null, null));
        assertBad(() -> AuditQuery.parse(null, null, null, null, null, "soon", null, null));
        assertBad(() ->
                AuditQuery.parse(null, null, null, null, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", null, null));
        assertBad(() -> AuditQuery.parse(null, null, null, "NO_SUCH_ACTION", null, null, null, null));
        assertBad(() -> AuditQuery.parse(null, null, null, null, null, null, "%%%", null));
        assertBad(() -> AuditQuery.parse(null, null, null, null, null, null, "fA", null));
        assertBad(() -> AuditQuery.parse(null, null, null, null, null, null, "MjAyNnw0Mg", null)); // "2026|42"
        for (String size : new String[] {"0", "-1", "201", "1e3", "2147483648"}) {
            assertBad(() -> AuditQuery.parse(null, null, null, null, null, null, null, size));
        }
        assertBad(() -> AuditQuery.parse("a".repeat(256), null, null, null, null, null, null, null));
    }

    private static void assertBad(org.junit.jupiter.api.function.Executable parse) {
        HttpProblem problem = assertThrows(HttpProblem.class, parse);
        assertEquals(400, problem.getStatusCode());
    }
}
