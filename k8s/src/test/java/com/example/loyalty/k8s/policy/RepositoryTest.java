package com.example.loyalty.k8s.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.k8s.Builds;
import com.example.loyalty.k8s.Objects;
import com.example.loyalty.k8s.Repo;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks of the repository itself, whatever overlays exist. */
class RepositoryTest {

    @Test
    void baseBuildsWithTheFiveWorkloads() {
        Builds.Target base = Builds.repository().findFirst().orElseThrow();
        for (String w : Repo.WORKLOADS) {
            assertTrue(Objects.find(base.objects(), "Deployment", w) != null, "k8s/base has no Deployment " + w);
        }
    }

    @Test
    void theTopicTableAgreesWithTheServicesKafkaSettings() {
        assertEquals(List.of(), Policies.topicTableMatchesCode(Repo.root()));
    }

    @Test
    void theLocalAndProductionOverlaysExist() {
        for (String overlay : List.of("local", "production")) {
            assertTrue(
                    Files.isRegularFile(
                            Repo.k8s().resolve("overlays").resolve(overlay).resolve("kustomization.yaml")),
                    "k8s/overlays/" + overlay + " is missing");
        }
        assertTrue(Builds.overlays().count() >= 2);
    }
}
