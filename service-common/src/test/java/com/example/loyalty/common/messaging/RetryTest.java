package com.example.loyalty.common.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryTest {

    private static final Duration TINY = Duration.ofMillis(1);

    @Test
    void retriesAFailureThatPasses() {
        AtomicInteger calls = new AtomicInteger();
        String result = Retry.run(5, TINY, e -> true, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database away");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException last = new IllegalStateException("still away");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Retry.run(4, TINY, e -> true, () -> {
            calls.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(4, calls.get());
    }

    @Test
    void doesNotRetryWhatCannotPass() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> Retry.run(5, TINY,
                e -> !(e instanceof IllegalArgumentException), () -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("poison");
                }));
        assertEquals(1, calls.get());
    }
}
