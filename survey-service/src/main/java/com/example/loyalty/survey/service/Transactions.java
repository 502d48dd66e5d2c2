package com.example.loyalty.survey.service;

import com.example.loyalty.common.persistence.UniqueViolations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.function.Supplier;

/** Turns a unique-key collision at flush time into a business error instead of a 500. */
final class Transactions {

    private Transactions() {
    }

    /** Flushes so that a unique violation surfaces here, as the exception {@code onCollision} makes. */
    static void flushOrThrow(EntityManager em, Supplier<? extends RuntimeException> onCollision) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw onCollision.get();
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        return UniqueViolations.isUniqueViolation(e);
    }
}
