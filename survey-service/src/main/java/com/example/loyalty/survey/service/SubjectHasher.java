package com.example.loyalty.survey.service;

import com.example.loyalty.survey.config.SurveysConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The participation hash of an anonymous wave: HMAC-SHA-256 of wave id and subject under a secret key. Without
 * the key a stored hash cannot be tested against known subjects, and the same member gets unrelated hashes
 * in different waves.
 *
 * <p>Eager ({@link Startup}): the key is checked at boot, so a production start with a short key or the public
 * development key fails there, before the service takes any request, not at the first anonymous answer.
 */
@Startup
@ApplicationScoped
public class SubjectHasher {

    /** The development key of application.properties (dev, test, the local stack) starts with this. */
    static final String DEVELOPMENT_KEY_PREFIX = "local-development-only";

    /** Shortest key, in bytes: the 256 bits of HMAC-SHA-256's hash (RFC 2104 asks for at least the hash length). */
    static final int MIN_KEY_BYTES = 32;

    /** The profiles that may use the public development key: dev mode, the tests and the local stack. */
    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");

    private final SecretKeySpec key;

    @Inject
    public SubjectHasher(SurveysConfig config) {
        this(config.anonymity().subjectHashKey(), ConfigUtils.getProfiles());
    }

    SubjectHasher(String secret, Collection<String> profiles) {
        this.key = new SecretKeySpec(checkedKey(secret, profiles), "HmacSHA256");
    }

    /**
     * The key's bytes; refuses a key shorter than {@link #MIN_KEY_BYTES}, and the development key unless a dev, test or
     * local profile is active (production has none of them: it runs the default profile, prod).
     */
    static byte[] checkedKey(String secret, Collection<String> profiles) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("surveys.anonymity.subject-hash-key (SURVEYS_SUBJECT_HASH_KEY) must be at "
                    + "least " + MIN_KEY_BYTES + " bytes long, e.g. openssl rand -base64 32; it has " + bytes.length);
        }
        if (secret.startsWith(DEVELOPMENT_KEY_PREFIX) && profiles.stream().noneMatch(DEVELOPMENT_PROFILES::contains)) {
            throw new IllegalStateException(
                    "surveys.anonymity.subject-hash-key (SURVEYS_SUBJECT_HASH_KEY) is the public "
                            + "development key, which only the dev, test and local profiles may use (active: "
                            + profiles
                            + "): set it from a Secret, e.g. openssl rand -base64 32");
        }
        return bytes;
    }

    public String hash(UUID waveId, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(waveId.toString().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
