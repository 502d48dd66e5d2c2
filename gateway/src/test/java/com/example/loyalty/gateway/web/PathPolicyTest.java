package com.example.loyalty.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathPolicyTest {

    @Test
    void everyTrickHasAReason() {
        for (String target : PathTraversalTest.TRICKS) {
            assertNotNull(PathPolicy.violation(target), target);
        }
    }

    @Test
    void plainPathsPass() {
        for (String target : List.of(
                "/",
                "/api/points/members/me",
                "/api/points/members/me/",
                "/api/points/members?card=8800000000000001",
                "/api/community/tags/%E3%81%82",
                "/api/community/search?q=%2F..%2F%3B%00",
                "/api/points/members/3fa85f64-5717-4562-b3fc-2c963f66afa6/ledger?page=2&size=20",
                "/q/swagger-ui/index.html",
                "/openapi/points?format=json",
                "/api/points/members/a.b/..c/c..")) {
            assertNull(PathPolicy.violation(target), target);
        }
    }

    @Test
    void theReasonNamesTheTrick() {
        assertEquals("the path has an encoded slash or backslash", PathPolicy.violation("/a/..%2Fb"));
        assertEquals("the path has an encoded dot", PathPolicy.violation("/a/%2e%2e/b"));
        assertEquals("the path has a dot segment", PathPolicy.violation("/a/../b"));
        assertEquals("the path has an empty segment ('//')", PathPolicy.violation("/a//b"));
        assertEquals("the path has a backslash", PathPolicy.violation("/a\\b"));
        assertEquals("the path has a ';' (path parameters)", PathPolicy.violation("/a;b=c"));
        assertEquals("the path is encoded twice ('%25')", PathPolicy.violation("/a/%252e"));
        assertEquals("the path's percent-encoding is not UTF-8", PathPolicy.violation("/a/%c0%ae"));
    }
}
