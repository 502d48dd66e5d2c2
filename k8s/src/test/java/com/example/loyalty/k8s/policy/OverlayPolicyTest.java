package com.example.loyalty.k8s.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.k8s.Builds;
import com.example.loyalty.k8s.Repo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deployment policies on the built output of every overlay in k8s/overlays. DEPENDS ON THE REAL OVERLAYS: with no
 * overlay these run zero cases (OverlaysExistTest makes that a failure once enabled); PolicyLogicTest proves each
 * check on fixtures. The workloads are the contract's five; the services' settings and Kafka channels come from their
 * application.properties, the topics and ACLs from docs/local-stack.md.
 */
class OverlayPolicyTest {

    static Stream<Builds.Target> overlays() {
        return Builds.overlays();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("overlays")
    void everyContainerHasResourcesProbesAndTheSecurityContext(Builds.Target overlay) {
        assertEquals(List.of(), Policies.containers(overlay.objects()), overlay.name());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("overlays")
    void everyWorkloadHasADisruptionBudgetSpreadAndItsAutoscaler(Builds.Target overlay) {
        assertEquals(List.of(), Policies.availability(overlay.objects(), Repo.WORKLOADS), overlay.name());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("overlays")
    void everySettingAServiceRequiresAtStartIsSet(Builds.Target overlay) {
        assertEquals(
                List.of(),
                Policies.requiredEnvironment(overlay.root(), overlay.objects(), Repo.WORKLOADS),
                overlay.name());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("overlays")
    void everyTopicTheCodeUsesHasAKafkaTopic(Builds.Target overlay) {
        assertEquals(List.of(), Policies.kafkaTopics(overlay.root(), overlay.objects()), overlay.name());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("overlays")
    void everyKafkaUserHasExactlyTheAclsOfTheTopicTable(Builds.Target overlay) {
        assertEquals(List.of(), Policies.kafkaAcls(overlay.root(), overlay.objects()), overlay.name());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("overlays")
    void onlyTheGatewayIsExposedAndEverythingElseIsDeniedInNamespaceLoyalty(Builds.Target overlay) {
        List<String> violations = Policies.network(overlay.objects());
        if (overlay.name().endsWith("overlays/local")) {
            // a laptop cluster: Keycloak on plain HTTP, so the pods can use the issuer without trusting a self-signed
            // certificate (k8s/overlays/local/patches/infrastructure-keycloak-ingress.yaml); production keeps TLS
            violations = violations.stream()
                    .filter(v -> !v.equals("Ingress loyalty-keycloak: no TLS"))
                    .toList();
        }
        assertEquals(List.of(), violations, overlay.name());
    }
}
