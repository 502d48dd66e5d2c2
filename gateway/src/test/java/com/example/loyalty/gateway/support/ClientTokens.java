package com.example.loyalty.gateway.support;

import com.example.loyalty.testing.TestTokens;
import java.util.Map;

/**
 * Tokens like {@link TestTokens#token}, with the claim that names the OAuth client they were issued to, which
 * {@code TestTokens} does not set: {@code azp} as Keycloak writes it, or {@code client_id} as other servers do.
 */
public final class ClientTokens {

    private ClientTokens() {}

    /** A token of {@code subject} with these realm roles, issued to {@code clientId} ({@code azp}). */
    public static String issuedTo(String clientId, String subject, String... roles) {
        return TestTokens.token(subject, Map.of("azp", clientId), roles);
    }

    /** Like {@link #issuedTo}, with the client in {@code client_id} only (no {@code azp}). */
    public static String withClientIdClaim(String clientId, String subject, String... roles) {
        return TestTokens.token(subject, Map.of("client_id", clientId), roles);
    }
}
