package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.common.web.TextInputFilter.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextInputFilterTest {

    private static final List<Map.Entry<String, String>> HEADERS =
            List.of(Map.entry("Authorization", "Bearer x.y.z"), Map.entry("Idempotency-Key", "k-1"));

    private static Finding finding(String path, String query, List<Map.Entry<String, String>> headers) {
        return TextInputFilter.check(path, query, headers).orElseThrow();
    }

    @Test
    void ordinaryRequestsPass() {
        assertTrue(TextInputFilter.check("/api/points/members/me/ledger", "page=0&size=20", HEADERS)
                .isEmpty());
        assertTrue(TextInputFilter.check("/api/community/search", "q=%E6%97%A5%E6%9C%AC+%F0%9F%91%8D&x&=", HEADERS)
                .isEmpty());
        assertTrue(TextInputFilter.check("/api/surveys", null, List.of()).isEmpty());
        assertTrue(TextInputFilter.check("/api/surveys", "", null).isEmpty());
    }

    @Test
    void nulInTheQueryNamesTheParameter() {
        Finding f = finding("/api/points/members", "card=88&email=a%00b", HEADERS);
        assertEquals("query", f.in());
        assertEquals("email", f.parameter());
        assertTrue(f.problem().contains("U+0000"), f.problem());
        var problem = f.toProblem();
        assertEquals(400, problem.getStatusCode());
        assertEquals(Problems.BASE + "invalid-text", problem.getType().toString());
        assertEquals("email", problem.getParameters().get("parameter"));
        assertTrue(problem.getDetail().startsWith("query parameter 'email'"), problem.getDetail());
    }

    @Test
    void encodedSurrogatesAndBrokenEscapesAreRefused() {
        assertEquals("q", finding("/s", "q=%ED%A0%80", HEADERS).parameter());
        assertEquals("q", finding("/s", "q=%zz", HEADERS).parameter());
        assertEquals("q", finding("/s", "a=1&q=%E6%97", HEADERS).parameter());
        Finding name = finding("/s", "a%00b=1", HEADERS);
        assertEquals("a%00b", name.parameter()); // echoed as sent
        assertTrue(name.problem().startsWith("has a name that"));
    }

    @Test
    void thePathIsCheckedRaw() {
        Finding f = finding("/api/points/members/a%00b", null, HEADERS);
        assertEquals("path", f.in());
        assertNull(f.parameter());
        assertEquals("path", finding("/api/surveys/%ED%A0%80", null, HEADERS).in());
        assertTrue(finding("/api/surveys/%ED%A0%80", null, HEADERS)
                .toProblem()
                .getDetail()
                .startsWith("the URL path"));
    }

    @Test
    void nulInAHeaderNamesTheHeader() {
        Finding f = finding("/api/points/rewards/1/redeem", null, List.of(Map.entry("Idempotency-Key", "k\0")));
        assertEquals("header", f.in());
        assertEquals("Idempotency-Key", f.parameter());
        assertTrue(f.toProblem().getDetail().startsWith("header 'Idempotency-Key'"));
    }

    @Test
    void aHeaderIsCheckedForANulOnly() {
        // "café" sent as UTF-8 reaches the filter as the chars of its bytes (ISO-8859-1), never as a surrogate
        assertTrue(TextInputFilter.check(
                        "/api/points/tiers", null, List.of(Map.entry("X-Name", "caf\u00c3\u00a9"), Map.entry("A", "b")))
                .isEmpty());
        assertEquals(
                "X-Name",
                finding("/api/points/tiers", null, List.of(Map.entry("A", "b"), Map.entry("X-Name", "\0")))
                        .parameter());
    }
}
