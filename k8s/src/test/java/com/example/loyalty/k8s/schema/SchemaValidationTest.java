package com.example.loyalty.k8s.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.k8s.Builds;
import com.example.loyalty.k8s.Objects;
import com.example.loyalty.k8s.Repo;
import com.example.loyalty.k8s.kustomize.Kustomize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object of k8s/base and of every overlay is valid against its pinned schema: Kubernetes' for the built-in
 * kinds, the operators' CRDs for Strimzi, CloudNativePG, Keycloak and the Prometheus operator. A misspelled field, a
 * wrong type or a kind without a schema fails. The broken fixtures prove that it does.
 */
class SchemaValidationTest {

    static Stream<Builds.Target> repository() {
        return Builds.repository();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repository")
    void everyObjectMatchesItsSchema(Builds.Target target) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : target.objects()) {
            SchemaCatalog.get().validate(o).forEach(p -> problems.add(Objects.id(o) + " " + p));
        }
        assertEquals(List.of(), problems, target + ": objects that do not match their schema");
    }

    @Test
    void validFixtureOfEveryCheckedKindPasses() {
        List<ObjectNode> objects = Kustomize.build(Repo.fixtures().resolve("schema/valid"));
        assertTrue(objects.size() >= 10, "the fixture has objects of many kinds");
        for (ObjectNode o : objects) {
            assertEquals(List.of(), SchemaCatalog.get().validate(o), Objects.id(o));
        }
    }

    /** Each broken object names in metadata.annotations["expect-error"] a text its first violation contains. */
    @Test
    void brokenFixturesFail() {
        List<ObjectNode> objects = Kustomize.build(Repo.fixtures().resolve("schema/broken"));
        assertTrue(objects.size() >= 5, "the fixture has broken objects of built-in and custom kinds");
        for (ObjectNode o : objects) {
            String expected =
                    o.path("metadata").path("annotations").path("expect-error").asText();
            List<String> problems = SchemaCatalog.get().validate(o);
            assertFalse(problems.isEmpty(), Objects.id(o) + " should fail validation");
            assertTrue(
                    problems.stream().anyMatch(p -> p.contains(expected)),
                    Objects.id(o) + ": expected a violation containing '" + expected + "', got " + problems);
        }
    }

    @Test
    void everyPinnedKindHasASchemaForTheContractKinds() {
        List<String> kinds = SchemaCatalog.get().kinds();
        for (String required : List.of(
                "apps/v1 Deployment",
                "v1 Service",
                "v1 ConfigMap",
                "v1 Secret",
                "policy/v1 PodDisruptionBudget",
                "autoscaling/v2 HorizontalPodAutoscaler",
                "networking.k8s.io/v1 NetworkPolicy",
                "networking.k8s.io/v1 Ingress",
                "kafka.strimzi.io/v1 Kafka",
                "kafka.strimzi.io/v1 KafkaNodePool",
                "kafka.strimzi.io/v1 KafkaTopic",
                "kafka.strimzi.io/v1 KafkaUser",
                "postgresql.cnpg.io/v1 Cluster",
                "postgresql.cnpg.io/v1 ScheduledBackup",
                "k8s.keycloak.org/v2alpha1 Keycloak",
                "k8s.keycloak.org/v2alpha1 KeycloakRealmImport",
                "monitoring.coreos.com/v1 ServiceMonitor",
                "monitoring.coreos.com/v1 PodMonitor",
                "monitoring.coreos.com/v1 PrometheusRule")) {
            assertTrue(kinds.contains(required), "no schema for " + required + " in " + kinds);
        }
    }
}
