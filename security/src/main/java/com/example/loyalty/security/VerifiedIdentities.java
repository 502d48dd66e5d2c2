package com.example.loyalty.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The identities of bearer tokens that recently passed verification, each until its token expires (and at most
 * {@code maxAge}). A till signs in once and sends the same token for its whole lifetime, thousands of times; checking
 * its RSA signature and parsing its claims on every request was the largest single cost of a look-up (about 60% of
 * points-service's CPU, and half of the gateway's). A token's signature and claims cannot change, so the first
 * verification answers for the later ones; what is given up is only noticing within {@code maxAge}, not at once, that
 * the identity provider stopped trusting a key.
 * <p>
 * Kept under a SHA-256 digest of the token (never the token), at most {@code maxTokens} of them, least recently used
 * out first. Only a token that passed verification is ever remembered, so a forged one is never let through; an
 * expired one is forgotten when it expires and goes back to verification, which refuses it. Each hit is a copy of the
 * identity bound to the current request's routing context.
 */
public final class VerifiedIdentities {

    /** Attribute quarkus-oidc sets on an identity: its token's expiry, in epoch seconds. */
    static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    private static final String BEARER = "bearer ";

    private record Entry(SecurityIdentity identity, long expiresAtNanos) {}

    private final Cache<String, Entry> identities;
    private final Ticker ticker;
    private final Duration maxAge;

    public VerifiedIdentities(long maxTokens, Duration maxAge) {
        this(maxTokens, maxAge, Ticker.systemTicker());
    }

    VerifiedIdentities(long maxTokens, Duration maxAge, Ticker ticker) {
        this.ticker = ticker;
        this.maxAge = maxAge;
        this.identities = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String digest, Entry entry, long now) {
                        return Math.max(0, entry.expiresAtNanos() - now);
                    }

                    @Override
                    public long expireAfterUpdate(String digest, Entry entry, long now, long current) {
                        return expireAfterCreate(digest, entry, now);
                    }

                    @Override
                    public long expireAfterRead(String digest, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** The identity of a token that passed verification, bound to {@code context}; null if none is known. */
    public SecurityIdentity find(String token, RoutingContext context) {
        Entry entry = identities.getIfPresent(digest(token));
        if (entry == null || entry.expiresAtNanos() - ticker.read() <= 0) {
            return null;
        }
        return QuarkusSecurityIdentity.builder(entry.identity())
                .addAttribute(RoutingContext.class.getName(), context)
                .build();
    }

    /** Whether {@code token} passed verification and has not expired since. */
    public boolean isKnown(String token) {
        Entry entry = identities.getIfPresent(digest(token));
        return entry != null && entry.expiresAtNanos() - ticker.read() > 0;
    }

    /** Remembers the identity a token was just verified as (anonymous identities are not remembered). */
    public void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        Duration lifetime = maxAge;
        Object expireTime = identity.getAttribute(EXPIRE_TIME);
        if (expireTime instanceof Number epochSeconds) {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(epochSeconds.longValue()));
            if (left.compareTo(lifetime) < 0) {
                lifetime = left;
            }
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            return;
        }
        identities.put(digest(token), new Entry(identity, ticker.read() + lifetime.toNanos()));
    }

    /** The credentials of an {@code Authorization: Bearer ...} header, else null (no header, or another scheme). */
    public static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new String(hash, StandardCharsets.ISO_8859_1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
