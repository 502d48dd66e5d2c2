package com.example.loyalty.survey.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.Startup;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key of the participation hashes: long enough, and never the public development key in production. */
class SubjectHasherTest {

    private static final String DEVELOPMENT_KEY = "local-development-only-subject-hash-key";
    private static final String SECRET_KEY = "q3Jx0mC1y2Kz8fVb7Hn4Tw9Pd6Ls5Ga0Rk1Ye2Uo3Ii=";

    /** What the production start reads: application.properties under the prod profile, the key from the environment. */
    private static String productionKey(String environmentValue) {
        PropertiesConfigSource properties;
        try {
            properties = new PropertiesConfigSource(
                    SubjectHasherTest.class.getClassLoader().getResource("application.properties"), 250);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(properties)
                .withSources(new PropertiesConfigSource(
                        Map.of("SURVEYS_SUBJECT_HASH_KEY", environmentValue), "environment", 300))
                .build();
        return config.getValue("surveys.anonymity.subject-hash-key", String.class);
    }

    @Test
    void theProductionStartRefusesTheDevelopmentKey() {
        String key = productionKey(DEVELOPMENT_KEY);
        assertEquals(DEVELOPMENT_KEY, key, "production reads SURVEYS_SUBJECT_HASH_KEY");
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new SubjectHasher(key, List.of("prod")));
        assertTrue(refused.getMessage().contains("development key"), refused.getMessage());
        // any other value starting like the development key is refused as well
        assertThrows(
                IllegalStateException.class,
                () -> new SubjectHasher(productionKey(DEVELOPMENT_KEY + "-but-longer"), List.of("prod")));
        // a profile other than dev, test and local is production too
        assertThrows(IllegalStateException.class, () -> new SubjectHasher(key, List.of("staging")));
        // while the dev mode, the tests and the local stack use it
        for (String profile : List.of("dev", "test", "local")) {
            assertDoesNotThrow(() -> new SubjectHasher(DEVELOPMENT_KEY, List.of(profile)), profile);
        }
    }

    @Test
    void theProductionStartRefusesAShortKey() {
        String shortKey = productionKey("a".repeat(SubjectHasher.MIN_KEY_BYTES - 1));
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new SubjectHasher(shortKey, List.of("prod")));
        assertTrue(refused.getMessage().contains("at least 32 bytes"), refused.getMessage());
        // short is short in every profile, and counted in bytes
        assertThrows(IllegalStateException.class, () -> new SubjectHasher("é".repeat(15) + "x", List.of("test")));
        assertDoesNotThrow(() -> new SubjectHasher("é".repeat(16), List.of("prod")));
        assertThrows(IllegalStateException.class, () -> new SubjectHasher("", List.of("prod")));
    }

    @Test
    void theKeyIsCheckedAtBootNotAtTheFirstAnonymousAnswer() {
        assertTrue(SubjectHasher.class.isAnnotationPresent(Startup.class), "an eager bean: constructed at start");
    }

    @Test
    void aSecretKeyHashesPerWave() {
        SubjectHasher hasher = new SubjectHasher(productionKey(SECRET_KEY), List.of("prod"));
        UUID wave = UUID.randomUUID();
        String hash = hasher.hash(wave, "subject-1");
        assertEquals(64, hash.length());
        assertEquals(hash, hasher.hash(wave, "subject-1"));
        assertNotEquals(hash, hasher.hash(UUID.randomUUID(), "subject-1"), "another wave, another hash");
        assertNotEquals(hash, new SubjectHasher(DEVELOPMENT_KEY, List.of("test")).hash(wave, "subject-1"));
    }
}
