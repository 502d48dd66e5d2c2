package com.example.loyalty.k8s.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.k8s.Builds;
import com.example.loyalty.k8s.Repo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy checks on a small fixture repository (fixtures/policy/repo: two services' properties, a topic table, and
 * two overlays): the good overlay passes every check, the bad one, the good one broken once per rule, fails with
 * exactly the expected violations. Independent of the real overlays.
 */
class PolicyLogicTest {
    private static final Builds.Target GOOD = fixture("good");
    private static final Builds.Target BAD = fixture("bad");

    private static Builds.Target fixture(String overlay) {
        Path root = Repo.fixtures().resolve("policy/repo");
        return new Builds.Target("fixture " + overlay, root, root.resolve("k8s").resolve(overlay));
    }

    private static List<String> all(Builds.Target t) {
        List<String> v = new ArrayList<>();
        List<String> workloads = Repo.workloads(t.root());
        v.addAll(Policies.containers(t.objects()));
        v.addAll(Policies.availability(t.objects(), workloads));
        v.addAll(Policies.requiredEnvironment(t.root(), t.objects(), workloads));
        v.addAll(Policies.kafkaTopics(t.root(), t.objects()));
        v.addAll(Policies.kafkaAcls(t.root(), t.objects()));
        v.addAll(Policies.network(t.objects()));
        return v;
    }

    @Test
    void theFixtureHasTheTwoServices() {
        assertEquals(List.of("points-service", "survey-service"), Repo.workloads(GOOD.root()));
    }

    @Test
    void theGoodOverlayPassesEveryPolicy() {
        assertEquals(List.of(), all(GOOD));
        assertEquals(List.of(), Policies.topicTableMatchesCode(GOOD.root()));
    }

    @Test
    void theBadOverlayFailsEveryPolicyItBreaks() {
        assertEquals(
                List.of(
                        "Deployment points-service container points-service: no resources.requests.cpu",
                        "Deployment points-service container points-service: securityContext.readOnlyRootFilesystem"
                                + " is not true",
                        "Deployment points-service container points-service: no non-zero runAsUser (container or pod)",
                        "Deployment survey-service: automountServiceAccountToken is not false",
                        "Deployment survey-service container survey-service: no startupProbe (httpGet)",
                        "Deployment survey-service container survey-service: livenessProbe is on port http, not the"
                                + " management port (9000)",
                        "Deployment points-service: topology spread over kubernetes.io/hostname does not select its"
                                + " own pods",
                        "Deployment points-service: no HorizontalPodAutoscaler targets it",
                        "Deployment survey-service: no PodDisruptionBudget selects its pods",
                        "Deployment survey-service: required setting surveys.subject-hash.key (env"
                                + " SURVEYS_SUBJECT_HASH_KEY) is not set",
                        "topic survey-responses.points.dlq (used by points-service channel survey-responses dead"
                                + " letters) has no KafkaTopic",
                        "KafkaUser survey-service: label strimzi.io/cluster is not loyalty",
                        "KafkaUser points-service: missing ACL group points-service Read",
                        "KafkaUser points-service: ACL topic survey-responses Write is not in docs/local-stack.md",
                        "KafkaUser survey-service: topic survey Read (prefix, allow) is not a literal allow rule",
                        "ConfigMap misplaced: namespace is 'monitoring', not loyalty",
                        "Ingress gateway: routes to points-service, only [gateway, loyalty-keycloak-service] may be exposed",
                        "Ingress gateway: no TLS",
                        "no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress, Egress], no rules)"),
                all(BAD));
    }

    @Test
    void requiredPropertiesMapToMicroProfileEnvironmentVariables() {
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL", ServiceConfig.envVar("quarkus.datasource.jdbc.url"));
        assertEquals("QUARKUS_OIDC_AUTH_SERVER_URL", ServiceConfig.envVar("quarkus.oidc.auth-server-url"));
        assertEquals(
                List.of("quarkus.datasource.jdbc.url", "kafka.bootstrap.servers", "points.memberships.webhook-secret"),
                ServiceConfig.read(GOOD.root(), "points-service").requiredProperties());
    }

    @Test
    void theTopicTableIsReadCellByCell() {
        TopicTable table = TopicTable.read(GOOD.root());
        assertEquals(2, table.rows().size());
        TopicTable.Row first = table.rows().get(0);
        assertEquals("loyalty-transactions", first.topic());
        assertEquals("points-service", first.producer());
        assertEquals(List.of(new TopicTable.Consumer("survey-service", "survey-service")), first.consumers());
        assertEquals(
                List.of(new TopicTable.DeadLetter("loyalty-transactions.survey-service.dlq", "survey-service")),
                first.deadLetters());
    }

    @Test
    void theRealTopicTableGivesEveryServiceItsAcls() {
        var acls = Policies.expectedAcls(TopicTable.read(Repo.root()));
        assertEquals(
                List.of("community-service", "metrics-service", "points-service", "survey-service"),
                acls.keySet().stream().sorted().toList());
        var points = acls.get("points-service");
        for (String a : List.of(
                "topic loyalty-transactions Write",
                "topic member-events Write",
                "topic survey-responses Read",
                "group points-service Read",
                "topic community-activity.points.dlq Write")) {
            assertEquals(true, points.contains(a), a + " in " + points);
        }
        assertEquals(true, acls.get("metrics-service").contains("group metrics-service-surveys Read"));
    }
}
