package com.example.loyalty.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/**
 * Transactions around idempotent writes. An idempotency key (a till's transaction id, a member's subject) is a
 * unique key: two requests with the same key race, one inserts, the other's insert collides. The loser must answer
 * like a replay, not with a 500, so the collision is caught where it happens (at flush) and the work is redone, or
 * answered, in a fresh transaction that sees the winner's committed row.
 */
public final class Transactions {

    private Transactions() {}

    /**
     * Runs {@code work} in its own transaction; when it lost a race on a unique key ({@link UniqueRaceLost}), runs
     * {@code fallback} in a fresh transaction, which then sees the winner's row and answers as a replay.
     */
    public static <T> T withUniqueRaceFallback(Supplier<T> work, Supplier<T> fallback) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (UniqueRaceLost e) {
            return QuarkusTransaction.requiringNew().call(fallback::get);
        }
    }

    /** Flushes so a unique violation surfaces here, as {@link UniqueRaceLost}, not at commit. */
    public static void flushDetectingRace(EntityManager em) {
        flushOrThrow(em, UniqueRaceLost::new);
    }

    /**
     * Flushes so a unique violation surfaces here, as the exception {@code onCollision} makes (e.g. a 409 problem),
     * instead of a 500 at commit.
     */
    public static void flushOrThrow(EntityManager em, Supplier<? extends RuntimeException> onCollision) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.isUniqueViolation(e)) {
                RuntimeException collision = onCollision.get();
                collision.addSuppressed(e);
                throw collision;
            }
            throw e;
        }
    }

    /** The insert collided with a row another transaction committed a moment earlier. */
    public static final class UniqueRaceLost extends RuntimeException {
        public UniqueRaceLost() {
            super("lost a race on a unique key", null, false, false);
        }
    }
}
