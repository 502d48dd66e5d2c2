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

    /**
     * The gateway's rate limits live in each replica's memory: every overlay tells it how many replicas share the
     * configured figures (GATEWAY_RATE_LIMIT_REPLICAS, each replica enforcing its share), and that is the number of
     * replicas the overlay runs at least, its autoscaler's minimum. Without the variable each replica would enforce
     * the whole figure, and a caller would get as many times the limit as there are replicas.
     */
    @Test
    void theGatewayDividesItsRateLimitsByTheReplicasItRunsAtLeast() {
        List<Builds.Target> overlays = Builds.overlays().toList();
        for (Builds.Target overlay : overlays) {
            var objects = overlay.objects();
            var hpa = Objects.find(objects, "HorizontalPodAutoscaler", "gateway");
            var deployment = Objects.find(objects, "Deployment", "gateway");
            assertTrue(hpa != null && deployment != null, overlay + ": no gateway Deployment and autoscaler");
            String replicas = null;
            for (var env : deployment.at("/spec/template/spec/containers/0/env")) {
                if (env.path("name").asText().equals("GATEWAY_RATE_LIMIT_REPLICAS")) {
                    replicas = env.path("value").asText();
                }
            }
            assertEquals(
                    hpa.at("/spec/minReplicas").asText(),
                    replicas,
                    overlay + ": GATEWAY_RATE_LIMIT_REPLICAS is not the gateway autoscaler's minReplicas");
        }
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
