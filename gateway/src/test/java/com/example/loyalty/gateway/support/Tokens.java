package com.example.loyalty.gateway.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Access tokens shaped like Keycloak's (subject, {@code realm_access.roles}), signed with the key
 * the {@code OidcWiremockTestResource} publishes in its JWKS (kid {@code 1}) and carrying the issuer it
 * announces in its discovery document.
 */
public final class Tokens {

    private static final String ISSUER = "https://server.example.com";
    private static final String KEY = "privateKey.jwk";

    private Tokens() {
    }

    public static String accessToken(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300)
                .jws().keyId("1")
                .sign(KEY);
    }

    public static String expiredAccessToken(String subject) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1")
                .sign(KEY);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
