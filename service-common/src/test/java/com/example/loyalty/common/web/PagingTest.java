package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void windowsAreInclusiveRowRanges() {
        assertEquals(new Paging.Window(0, 19), Paging.window(0, 20).orElseThrow());
        assertEquals(new Paging.Window(40, 59), Paging.window(2, 20).orElseThrow());
        assertEquals(
                new Paging.Window(Paging.MAX_PAGE * 1000, Paging.MAX_PAGE * 1000 + 999),
                Paging.window(Paging.MAX_PAGE, 1000).orElseThrow());
    }

    @Test
    void pagesBeyondAnIntAreEmptyNotNegative() {
        // the fuzzer's finding: 107374183 × 20 = 2147483660, an int overflows to -2147483636
        assertTrue(Paging.window(107_374_183, 20).isEmpty());
        assertTrue(Paging.window(Integer.MAX_VALUE, Integer.MAX_VALUE).isEmpty());
        assertEquals(2_147_483_660L, Paging.offset(107_374_183, 20));
        // the last reachable page
        assertEquals(
                new Paging.Window(Integer.MAX_VALUE, Integer.MAX_VALUE),
                Paging.window(Integer.MAX_VALUE, 1).orElseThrow());
        assertTrue(Paging.window(1, Integer.MAX_VALUE).isEmpty());
    }

    @Test
    void everyAllowedPageAndSizeIsReachable() {
        assertTrue((long) Paging.MAX_PAGE * 1000 + 999 < Integer.MAX_VALUE);
    }

    @Test
    void negativeInputIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Paging.window(-1, 20));
        assertThrows(IllegalArgumentException.class, () -> Paging.window(0, 0));
    }
}
