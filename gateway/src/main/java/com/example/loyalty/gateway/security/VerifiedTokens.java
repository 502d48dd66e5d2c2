package com.example.loyalty.gateway.security;

import com.example.loyalty.gateway.config.GatewayConfig;
import com.example.loyalty.security.VerifiedIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The gateway's one memory of verified tokens ({@link VerifiedIdentities}): the bearer mechanism answers a known
 * token from it instead of checking its signature again, and the address limiter lets a known token past an address
 * that has spent its budget on garbage.
 */
@ApplicationScoped
public class VerifiedTokens {

    @Produces
    @ApplicationScoped
    VerifiedIdentities verifiedIdentities(GatewayConfig config) {
        return new VerifiedIdentities(
                config.rateLimit().maxClients(), config.verifiedTokens().maxAge());
    }
}
