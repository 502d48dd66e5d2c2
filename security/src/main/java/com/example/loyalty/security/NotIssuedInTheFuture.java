package com.example.loyalty.security;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Refuses a bearer token issued in the future ({@code iat} later than now plus {@link #ALLOWED_SKEW}). quarkus-oidc
 * checks {@code exp} and {@code nbf}, and {@code iat} only against a maximum age, so a token stamped hours ahead (a
 * minted or replayed-from-the-future token, an issuer with a broken clock) passed every workload. quarkus-oidc applies
 * every {@link Validator} bean to the tokens of every tenant, in the gateway and in the services alike.
 */
@Singleton
@Unremovable
public class NotIssuedInTheFuture implements Validator {

    /** Clock skew allowed between the identity provider and this workload. */
    static final Duration ALLOWED_SKEW = Duration.ofSeconds(60);

    private final Clock clock;

    public NotIssuedInTheFuture() {
        this(Clock.systemUTC());
    }

    NotIssuedInTheFuture(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        NumericDate issuedAt = context.getJwtClaims().getIssuedAt();
        if (issuedAt == null) {
            return null; // quarkus-oidc itself requires iat (quarkus.oidc.token.issued-at-required)
        }
        long latest = clock.instant().plus(ALLOWED_SKEW).getEpochSecond();
        return issuedAt.getValue() > latest
                ? "The token is issued in the future (iat " + issuedAt.getValue() + " is after " + latest + ")"
                : null;
    }
}
