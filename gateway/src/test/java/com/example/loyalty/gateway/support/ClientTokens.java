package com.example.loyalty.gateway.support;

import com.example.loyalty.testing.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Tokens like {@link TestTokens#token}, with the claim that names the OAuth client they were issued to, which
 * {@code TestTokens} does not set: {@code azp} as Keycloak writes it, or {@code client_id} as other servers do.
 * Signed with the same test key (read the way {@code TestTokens} reads it, from the testing module's class path).
 */
public final class ClientTokens {

    private ClientTokens() {}

    /** A token of {@code subject} with these realm roles, issued to {@code clientId} ({@code azp}). */
    public static String issuedTo(String clientId, String subject, String... roles) {
        return token("azp", clientId, subject, roles);
    }

    /** Like {@link #issuedTo}, with the client in {@code client_id} only (no {@code azp}). */
    public static String withClientIdClaim(String clientId, String subject, String... roles) {
        return token("client_id", clientId, subject, roles);
    }

    private static String token(String claim, String clientId, String subject, String... roles) {
        return Jwt.issuer(TestTokens.ISSUER)
                .subject(subject)
                .claim("preferred_username", "user-" + subject)
                .claim(claim, clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(3600)
                .jws()
                .keyId("test")
                .sign(TestKey.PRIVATE_KEY);
    }

    private static final class TestKey {
        static final PrivateKey PRIVATE_KEY = read();

        private static PrivateKey read() {
            try (InputStream in = TestTokens.class.getResourceAsStream("/loyalty-test-keys/private.pem")) {
                if (in == null) {
                    throw new IllegalStateException("missing test key private.pem");
                }
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
                return KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("bad test key", e);
            }
        }
    }
}
