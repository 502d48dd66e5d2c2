package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.UniqueViolations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.function.Supplier;

/**
 * Runs a unit of work in its own transaction and, when it lost a race on a unique key (another request
 * inserted the same idempotency key first), runs the fallback in a fresh transaction. The fallback then
 * sees the winner's committed row and answers as a replay.
 */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T withUniqueRaceFallback(Supplier<T> work, Supplier<T> fallback) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (UniqueRaceLost e) {
            return QuarkusTransaction.requiringNew().call(fallback::get);
        }
    }

    /** Flushes so a unique violation surfaces here, as {@link UniqueRaceLost}, not at commit. */
    public static void flushDetectingRace(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new UniqueRaceLost(e);
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        return UniqueViolations.isUniqueViolation(e);
    }

    /** The insert collided with a row another transaction committed a moment earlier. */
    public static final class UniqueRaceLost extends RuntimeException {
        UniqueRaceLost(Throwable cause) {
            super(cause);
        }
    }
}
