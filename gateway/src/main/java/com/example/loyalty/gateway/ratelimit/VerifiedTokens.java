package com.example.loyalty.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Bearer tokens the gateway has recently seen pass verification, until they expire: while an address has spent its
 * budget, a token that is not among them is refused unverified, one that is goes on to be verified as usual.
 * <p>
 * Why: the address limiter cannot tell a valid token from a forged one without checking its signature, which is
 * exactly the work it exists to avoid. Without this memory, one caller sending garbage from a shared address (a
 * store's NAT, an office) would lock out every valid token from there. A till keeps using its token for the
 * token's lifetime, so after its first successful request it is never held back by its address; only the first
 * request of a token that arrives while its address is refused is.
 * <p>
 * Only SHA-256 digests are kept (never the tokens), at most {@code maxTokens} of them (the least used
 * first out), each until the token's own expiry: an expired token is refused by verification anyway, and must not
 * be let past the address check on the strength of its former validity. A remembered token that fails verification
 * before it expires (say, while the identity provider cannot be reached) is not forgotten: once verification works
 * again its till must not have to queue behind the address's budget to be recognised anew; and a token can only be
 * remembered by having been valid, so nothing forged is ever let past.
 */
public class VerifiedTokens {

    /** Token digest to the ticker time (nanoseconds) at which the token expires. */
    private final Cache<String, Long> expiries;

    private final Ticker ticker;
    private final Duration maxLifetime;

    /**
     * @param maxTokens   upper bound of tokens remembered
     * @param maxLifetime a token without expiry is remembered this long
     */
    public VerifiedTokens(long maxTokens, Duration maxLifetime) {
        this(maxTokens, maxLifetime, Ticker.systemTicker());
    }

    VerifiedTokens(long maxTokens, Duration maxLifetime, Ticker ticker) {
        this.ticker = ticker;
        this.maxLifetime = maxLifetime;
        this.expiries = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Long>() {
                    @Override
                    public long expireAfterCreate(String digest, Long expiresAtNanos, long now) {
                        return Math.max(0, expiresAtNanos - now);
                    }

                    @Override
                    public long expireAfterUpdate(String digest, Long expiresAtNanos, long now, long current) {
                        return expireAfterCreate(digest, expiresAtNanos, now);
                    }

                    @Override
                    public long expireAfterRead(String digest, Long expiresAtNanos, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /**
     * Remembers a token that has just passed verification.
     *
     * @param expiresIn how long the token stays valid ({@code exp} minus now); null if it has no expiry
     */
    public void remember(String token, Duration expiresIn) {
        if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero())) {
            return;
        }
        String digest = digest(token);
        if (expiries.getIfPresent(digest) == null) {
            expiries.put(digest, ticker.read() + (expiresIn == null ? maxLifetime : expiresIn).toNanos());
        }
    }

    public boolean isKnown(String token) {
        return expiries.getIfPresent(digest(token)) != null;
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
