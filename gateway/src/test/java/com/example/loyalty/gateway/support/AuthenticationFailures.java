package com.example.loyalty.gateway.support;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the bearer tokens the gateway's authentication actually checked and refused: Quarkus fires an
 * {@link AuthenticationFailureEvent} for each (security events are on by default and fired once someone observes
 * them). A test that sees a 429 while this count stands still knows the token never reached verification.
 */
@ApplicationScoped
public class AuthenticationFailures {

    private final AtomicInteger count = new AtomicInteger();

    void onFailure(@Observes AuthenticationFailureEvent event) {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
