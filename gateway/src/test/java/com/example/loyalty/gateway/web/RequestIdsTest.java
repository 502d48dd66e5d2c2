package com.example.loyalty.gateway.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void saneRequestIds() {
        assertTrue(RequestIds.isSaneRequestId("abc-DEF_123"));
        assertTrue(RequestIds.isSaneRequestId("x".repeat(64)));
        assertFalse(RequestIds.isSaneRequestId(null));
        assertFalse(RequestIds.isSaneRequestId(""));
        assertFalse(RequestIds.isSaneRequestId("x".repeat(65)));
        assertFalse(RequestIds.isSaneRequestId("a b"));
        assertFalse(RequestIds.isSaneRequestId("a\r\nX-Injected: 1"));
        assertFalse(RequestIds.isSaneRequestId("ü"));
        assertTrue(RequestIds.isSaneRequestId(RequestIds.newRequestId()));
    }

    @Test
    void validTraceparents() {
        assertTrue(RequestIds.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertTrue(RequestIds.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
        // a future version may append fields
        assertTrue(RequestIds.isValidTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
        assertTrue(RequestIds.isValidTraceparent(RequestIds.newTraceparent()));
    }

    @Test
    void invalidTraceparents() {
        assertFalse(RequestIds.isValidTraceparent(null));
        assertFalse(RequestIds.isValidTraceparent("garbage"));
        assertFalse(RequestIds.isValidTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertFalse(RequestIds.isValidTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        assertFalse(RequestIds.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"));
        assertFalse(RequestIds.isValidTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
        assertFalse(RequestIds.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
    }
}
