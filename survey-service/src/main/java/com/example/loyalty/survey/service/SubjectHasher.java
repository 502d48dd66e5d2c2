package com.example.loyalty.survey.service;

import com.example.loyalty.survey.config.SurveysConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The participation hash of an anonymous wave: HMAC-SHA-256 of wave id and subject under a secret key. Without
 * the key a stored hash cannot be tested against known subjects, and the same member gets unrelated hashes
 * in different waves.
 */
@ApplicationScoped
public class SubjectHasher {

    /** The development key of application.properties (dev, test, the local stack) starts with this. */
    static final String DEVELOPMENT_KEY_PREFIX = "local-development-only";

    private static final Logger LOG = Logger.getLogger(SubjectHasher.class);

    private final SecretKeySpec key;

    public SubjectHasher(SurveysConfig config) {
        byte[] secret = config.anonymity().subjectHashKey().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 16) {
            throw new IllegalStateException("surveys.anonymity.subject-hash-key must be at least 16 bytes long");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        if (LaunchMode.current() == LaunchMode.NORMAL
                && config.anonymity().subjectHashKey().startsWith(DEVELOPMENT_KEY_PREFIX)) {
            LOG.warn(
                    "surveys.anonymity.subject-hash-key is the development key: set SURVEYS_SUBJECT_HASH_KEY from a secret");
        }
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
