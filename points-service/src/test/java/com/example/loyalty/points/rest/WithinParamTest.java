package com.example.loyalty.points.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WithinParamTest {

    @Test
    void daysAreRead() {
        assertEquals(Duration.ofDays(30), WithinParam.parse("30d"));
        assertEquals(Duration.ofDays(1), WithinParam.parse("1d"));
        assertEquals(Duration.ofDays(3660), WithinParam.parse("3660d"));
        assertEquals(Duration.ofDays(7), WithinParam.parse(" 7d "));
    }

    @Test
    void nothingGivenIsThirtyDays() {
        assertEquals(Duration.ofDays(30), WithinParam.parse(null));
        assertEquals(Duration.ofDays(30), WithinParam.parse(""));
    }

    @Test
    void anythingElseIsA400() {
        for (String bad : new String[] {"0d", "3661d", "99999d", "30", "d", "-1d", "1.5d", "P30D", "30h", "30D", "x"}) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> WithinParam.parse(bad), bad);
            assertEquals(400, problem.getStatusCode(), bad);
        }
    }
}
