package com.example.loyalty.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.MonitoringQueries.Selector;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The monitoring files themselves: the dashboard is Grafana JSON a sidecar can load, every alert says how bad it is,
 * what happened and where its runbook is, and the metric names are read from the PromQL as they should be. (Whether
 * the services export those names is each service's HealthTest; the Kubernetes objects' schemas are the k8s
 * module's.)
 */
class MonitoringQueriesTest {

    private static Set<Selector> names(String... names) {
        return java.util.Arrays.stream(names).map(n -> new Selector(n, false)).collect(Collectors.toSet());
    }

    @Test
    void theMetricNamesAreReadFromPromQl() {
        assertEquals(
                names("http_server_requests_seconds_bucket"),
                MonitoringQueries.selectorsOf("histogram_quantile(0.99, sum by (job, uri, le) "
                        + "(rate(http_server_requests_seconds_bucket{namespace=~\"$namespace\", job=~\"$job\"}"
                        + "[$__rate_interval])))"));
        assertEquals(
                names("a_total", "b_total"),
                MonitoringQueries.selectorsOf("sum by (job) (rate(a_total{status=~\"5..\"}[5m])) / on(job) "
                        + "group_left sum(rate(b_total[5m])) > 0.01 and bool 1e3"));
        assertEquals(
                Set.of(new Selector("loyalty_.+_outbox_lag_seconds", true)),
                MonitoringQueries.selectorsOf(
                        "max by (namespace, job) ({__name__=~\"loyalty_.+_outbox_lag_seconds\", job=~\"x\"}) > 300"));
        assertEquals(
                names("kafka_lag"),
                MonitoringQueries.selectorsOf(
                        "label_replace(max by (job, client_id) (kafka_lag offset 5m), \"channel\", \"$1\", "
                                + "\"client_id\", \"kafka-consumer-(.+)\")"));
        assertEquals(
                "jvm_memory_used_bytes{namespace=~\"$namespace\"}",
                MonitoringQueries.variableExpression(
                        "label_values(jvm_memory_used_bytes{namespace=~\"$namespace\"}, job)"));
        assertThrows(IllegalArgumentException.class, () -> MonitoringQueries.variableExpression("metrics(jvm_.*)"));
    }

    @Test
    void whoMustExportWhatFollowsTheNames() {
        Selector points = new Selector("loyalty_points_outstanding", false);
        Selector pattern = new Selector("loyalty_.+_outbox_pending", true);
        assertEquals("points", points.owner());
        assertEquals(null, pattern.owner());
        assertTrue(pattern.matchesAny(Set.of("loyalty_survey_outbox_pending")));
        assertFalse(pattern.matchesAny(Set.of("loyalty_survey_outbox_pending_total")), "whole names only");
        assertEquals(
                Set.of("jvm_memory_used_bytes", "http_server_requests_seconds_count"),
                MonitoringQueries.exportedNames("""
                        # HELP jvm_memory_used_bytes The amount of used memory
                        # TYPE jvm_memory_used_bytes gauge
                        jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.0
                        http_server_requests_seconds_count{method="GET",uri="/x"} 1.0
                        """));
        List<Selector> gateway = MonitoringQueries.requiredOf("gateway", false);
        List<Selector> survey = MonitoringQueries.requiredOf("survey", true);
        assertTrue(gateway.contains(new Selector("jvm_memory_used_bytes", false)), gateway.toString());
        assertTrue(gateway.stream().noneMatch(s -> s.pattern() || s.name().startsWith("kafka_")), gateway.toString());
        assertTrue(survey.contains(new Selector("kafka_consumer_fetch_manager_records_lag_max", false)));
        assertTrue(survey.stream().noneMatch(s -> "points".equals(s.owner())), survey.toString());
        assertTrue(MonitoringQueries.requiredOf("points", true).contains(points));
        // the brokers' view of a group's lag comes from Strimzi's Kafka Exporter, not from a service
        assertTrue(MonitoringQueries.requiredOf("metrics", true).stream()
                .noneMatch(s -> s.name().startsWith("kafka_consumergroup_")));
    }

    @Test
    void everyNameHasAServiceThatExportsIt() {
        Set<Selector> selectors = MonitoringQueries.selectors();
        assertTrue(selectors.size() > 10, selectors.toString());
        for (Selector s : selectors) {
            if (s.pattern()) {
                assertTrue(s.name().startsWith("loyalty_.+_"), "a pattern names the messaging module's meters: " + s);
            } else if (s.name().startsWith("loyalty_")) {
                assertTrue(MonitoringQueries.SERVICES.contains(s.owner()), "no service exports " + s);
            }
        }
        Set<Selector> covered = new HashSet<>(MonitoringQueries.requiredOf("gateway", false));
        for (String service : List.of("points", "survey", "metrics", "community")) {
            covered.addAll(MonitoringQueries.requiredOf(service, true));
        }
        Set<Selector> uncovered = new HashSet<>(selectors);
        uncovered.removeAll(covered);
        assertEquals(
                Set.of(new Selector("up", false), new Selector("kafka_consumergroup_lag", false)),
                uncovered,
                "only Prometheus' own metrics and the Kafka Exporter's");
    }

    @Test
    void theDashboardIsGrafanaJsonWithUniquePanelIdsAndVariables() {
        JsonNode d = MonitoringQueries.readJson(MonitoringQueries.DASHBOARD);
        assertEquals("loyalty-overview", d.path("uid").asText());
        assertFalse(d.path("title").asText().isBlank());
        assertTrue(d.path("schemaVersion").asInt() >= 36, "a current Grafana schema");
        assertTrue(d.path("id").isNull(), "no database id: provisioned dashboards get their own");

        Set<String> variables = new HashSet<>();
        for (JsonNode v : d.path("templating").path("list")) {
            variables.add(v.path("name").asText());
            if (v.path("name").asText().equals("datasource")) {
                assertEquals("datasource", v.path("type").asText());
                assertEquals("prometheus", v.path("query").asText());
            }
        }
        assertEquals(Set.of("datasource", "namespace", "job"), variables);

        List<JsonNode> panels = new ArrayList<>();
        d.path("panels").forEach(p -> {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        });
        Set<Integer> ids = new HashSet<>();
        List<int[]> cells = new ArrayList<>();
        for (JsonNode p : panels) {
            String title = p.path("title").asText();
            assertTrue(p.path("id").isInt(), "id of " + title);
            assertTrue(ids.add(p.path("id").asInt()), "duplicate panel id " + p.path("id") + " (" + title + ")");
            JsonNode grid = p.path("gridPos");
            int x = grid.path("x").asInt(), y = grid.path("y").asInt();
            int w = grid.path("w").asInt(), h = grid.path("h").asInt();
            assertTrue(w > 0 && h > 0 && x >= 0 && x + w <= 24, "grid of " + title);
            for (int[] other : cells) {
                boolean overlap =
                        x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h;
                assertFalse(overlap, title + " overlaps another panel");
            }
            cells.add(new int[] {x, y, w, h});
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            assertFalse(title.isBlank(), "panel " + p.path("id") + " has a title");
            assertFalse(p.path("description").asText().isBlank(), title + " says what it shows");
            assertEquals("${datasource}", p.path("datasource").path("uid").asText(), title);
            assertTrue(p.path("targets").size() > 0, title + " has queries");
            Set<String> refIds = new HashSet<>();
            for (JsonNode t : p.path("targets")) {
                assertTrue(refIds.add(t.path("refId").asText()), title + ": refIds are unique");
                assertEquals("${datasource}", t.path("datasource").path("uid").asText(), title);
                String expr = t.path("expr").asText();
                assertFalse(expr.isBlank(), title + " has a PromQL query");
                assertTrue(balanced(expr), title + ": unbalanced brackets in " + expr);
                assertNotNull(MonitoringQueries.selectorsOf(expr));
            }
        }
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndARunbookSection() throws IOException {
        JsonNode rule = MonitoringQueries.readYaml(MonitoringQueries.RULES);
        assertEquals("monitoring.coreos.com/v1", rule.path("apiVersion").asText());
        assertEquals("PrometheusRule", rule.path("kind").asText());
        String docs = Files.readString(MonitoringQueries.repositoryRoot().resolve("docs/observability.md"));
        Set<String> anchors = new HashSet<>();
        Matcher heading = Pattern.compile("(?m)^#+\\s+(.+)$").matcher(docs);
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-'));
        }
        Set<String> alerts = new HashSet<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                String alert = r.path("alert").asText();
                assertFalse(alert.isBlank(), "alert rules only: " + r);
                assertTrue(alerts.add(alert), "duplicate alert " + alert);
                assertTrue(balanced(r.path("expr").asText()), alert);
                assertTrue(
                        Set.of("warning", "critical")
                                .contains(r.path("labels").path("severity").asText()),
                        alert);
                assertFalse(r.path("annotations").path("summary").asText().isBlank(), alert);
                assertFalse(r.path("annotations").path("description").asText().isBlank(), alert);
                String runbook = r.path("annotations").path("runbook").asText();
                assertTrue(runbook.startsWith("docs/observability.md#"), alert + ": " + runbook);
                String anchor = runbook.substring(runbook.indexOf('#') + 1);
                assertTrue(anchors.contains(anchor), alert + ": no section #" + anchor + " in docs/observability.md");
            }
        }
        assertTrue(
                alerts.containsAll(Set.of(
                        "LoyaltyOutboxLagging",
                        "LoyaltyOutboxParked",
                        "LoyaltyConsumerLagHigh",
                        "LoyaltyDeadLetters",
                        "LoyaltyHttpErrorRateHigh")),
                alerts.toString());
    }

    private static boolean balanced(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        java.util.Deque<Character> open = new java.util.ArrayDeque<>();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '(', '{', '[' -> open.push(c);
                case ')', '}', ']' -> {
                    if (open.isEmpty()) {
                        return false;
                    }
                    char o = open.pop();
                    if ("({[".indexOf(o) != ")}]".indexOf(c)) {
                        return false;
                    }
                }
                default -> {}
            }
        }
        return open.isEmpty();
    }
}
