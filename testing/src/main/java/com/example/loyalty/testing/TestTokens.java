package com.example.loyalty.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens shaped like the loyalty realm's: subject, preferred_username, realm_access.roles, and the
 * audiences of every workload ({@link #AUDIENCES}), as the realm's audience mappers put them into the tokens of its
 * user-facing clients. Each service and the gateway accept only tokens whose {@code aud} names them
 * ({@code quarkus.oidc.token.audience}); {@link #forAudiences} mints tokens meant for someone else.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test.loyalty.example.com/realms/loyalty";

    /** The client ids of the gateway and the four services: the {@code aud} of every token minted here by default. */
    public static final Set<String> AUDIENCES =
            Set.of("gateway", "points-service", "survey-service", "metrics-service", "community-service");

    private TestTokens() {}

    /** A bearer token for a user with the given subject and realm roles. */
    public static String token(String subject, String... roles) {
        return token(subject, Map.of(), roles);
    }

    /**
     * A bearer token for a user with the given subject and realm roles, and further claims that add to or replace the
     * usual ones (e.g. {@code email_verified}, {@code phone_number}, {@code store_id}).
     */
    public static String token(String subject, Map<String, Object> claims, String... roles) {
        return signed(AUDIENCES, subject, claims, roles);
    }

    /**
     * Like {@link #token}, but meant for {@code audiences} only (its {@code aud} claim; none at all when empty): a
     * token Keycloak issued for another client, which a service that is not among them must refuse.
     */
    public static String forAudiences(Set<String> audiences, String subject, String... roles) {
        return signed(audiences, subject, Map.of(), roles);
    }

    private static String signed(Set<String> audiences, String subject, Map<String, Object> claims, String... roles) {
        var builder = Jwt.issuer(ISSUER)
                .subject(subject)
                .claim("preferred_username", "user-" + subject)
                .claim("email", subject + "@example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (!audiences.isEmpty()) {
            builder.audience(audiences);
        }
        claims.forEach(builder::claim);
        return builder.expiresIn(3600).jws().keyId("test").sign(privateKey());
    }

    /** A token for a brand-new user with the role member. */
    public static String newMember() {
        return token(UUID.randomUUID().toString(), "member");
    }

    /**
     * Like {@link #token}, but it expired an hour ago (issued two hours ago): correctly signed and issued, so
     * a service refuses it for its expiry alone.
     */
    public static String expired(String subject, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .claim("preferred_username", "user-" + subject)
                .claim("email", subject + "@example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .audience(AUDIENCES)
                .issuedAt(now.minusSeconds(7200))
                .expiresAt(now.minusSeconds(3600))
                .jws()
                .keyId("test")
                .sign(privateKey());
    }

    /**
     * Like {@link #token}, with the right issuer and key id, but signed with a key pair made up for this JVM
     * that no service trusts: a forged token, refused for its signature alone.
     */
    public static String signedWithUnknownKey(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .claim("preferred_username", "user-" + subject)
                .claim("email", subject + "@example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .audience(AUDIENCES)
                .expiresIn(3600)
                .jws()
                .keyId("test")
                .sign(UnknownKey.PRIVATE_KEY);
    }

    static String publicKeyBase64() {
        return pemBody("public.pem");
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody("private.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("bad test key", e);
        }
    }

    private static String pemBody(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream("/loyalty-test-keys/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + name);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generated on first use only (RSA key generation takes a moment). */
    private static final class UnknownKey {
        static final PrivateKey PRIVATE_KEY = generate();

        private static PrivateKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate an RSA key", e);
            }
        }
    }
}
