package com.example.loyalty.common.messaging;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Runs work again after failures that may pass (database unavailable), with exponential back-off. */
public final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private Retry() {
    }

    /**
     * Returns the first successful result of {@code work}; rethrows at once what {@code retryable} rejects,
     * and the last failure after {@code maxAttempts} attempts.
     */
    public static <T> T run(int maxAttempts, Duration initialBackoff, Predicate<RuntimeException> retryable,
            Supplier<T> work) {
        Duration backoff = initialBackoff;
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !retryable.test(e)) {
                    throw e;
                }
                LOG.warnf("attempt %d of %d failed, retrying in %s: %s", attempt, maxAttempts, backoff, e.toString());
                sleep(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
