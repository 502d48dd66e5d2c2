package com.example.loyalty.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL that the monitoring reads (k8s/components/monitoring: the Grafana dashboard's panels and variables, and
 * the alert rules), and the metric names in it, so that each service's tests check that it exports every metric
 * read from it: a renamed meter then fails the service's build instead of leaving a panel empty or an alert silent.
 * <p>
 * Who must export what: a name {@code loyalty_<service>_...} its service ({@code points}, {@code gateway} ...); a
 * pattern ({@code {__name__=~"loyalty_.+_outbox_lag_seconds"}}: the messaging module's meters, named per service) and
 * {@code kafka_*} every service that uses the messaging module; any other name ({@code http_*}, {@code jvm_*}) every
 * service and the gateway; {@code up} is Prometheus' own.
 */
public final class MonitoringQueries {

    /** Where the monitoring lives, from the repository's root. */
    public static final Path MONITORING = Path.of("k8s", "components", "monitoring");

    public static final Path DASHBOARD = MONITORING.resolve(Path.of("dashboards", "loyalty-overview.json"));
    public static final Path RULES = MONITORING.resolve("prometheusrule.yaml");

    /** Where a service serves its Prometheus metrics. */
    public static final String METRICS_PATH = "/q/metrics";

    /** The services' short names, as in {@code loyalty_<service>_...}. */
    public static final Set<String> SERVICES = Set.of("gateway", "points", "survey", "metrics", "community");

    /** Metrics Prometheus makes itself. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    /**
     * Prefixes of what Strimzi's Kafka Exporter exports (k8s/components/monitoring/podmonitors.yaml), not a service:
     * the consumer groups' lag as the brokers see it.
     */
    static final Set<String> KAFKA_EXPORTER_PREFIXES = Set.of("kafka_consumergroup_", "kafka_topic_", "kafka_brokers");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");

    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*(=~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$:])\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Pattern LABEL_VALUES = Pattern.compile("(?s)\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*");
    private static final Pattern QUERY_RESULT = Pattern.compile("(?s)\\s*query_result\\((.*)\\)\\s*");

    private MonitoringQueries() {}

    /** One metric a query reads: a metric name, or a pattern of names ({@code __name__=~"..."}). */
    public record Selector(String name, boolean pattern) {

        /** Whether one of {@code exported} is this name, or matches this pattern (whole name, as PromQL does). */
        public boolean matchesAny(Set<String> exported) {
            if (!pattern) {
                return exported.contains(name);
            }
            Pattern p = Pattern.compile(name);
            return exported.stream().anyMatch(n -> p.matcher(n).matches());
        }

        /** The service of a {@code loyalty_<service>_...} name; null for patterns and other names. */
        public String owner() {
            if (pattern || !name.startsWith("loyalty_")) {
                return null;
            }
            String rest = name.substring("loyalty_".length());
            int end = rest.indexOf('_');
            return end < 0 ? rest : rest.substring(0, end);
        }

        @Override
        public String toString() {
            return pattern ? "{__name__=~\"" + name + "\"}" : name;
        }
    }

    /** Every PromQL expression of the dashboard (panels and variables) and of the alert rules. */
    public static List<String> expressions() {
        List<String> exprs = new ArrayList<>(dashboardExpressions(readJson(DASHBOARD)));
        exprs.addAll(ruleExpressions(readYaml(RULES)));
        return exprs;
    }

    /** The metrics read by every expression of the dashboard and the rules. */
    public static Set<Selector> selectors() {
        Set<Selector> all = new LinkedHashSet<>();
        expressions().forEach(e -> all.addAll(selectorsOf(e)));
        return all;
    }

    /**
     * The metrics that {@code service} must export.
     *
     * @param service   a short name: gateway, points, survey, metrics or community
     * @param messaging whether the service uses the messaging module (outbox, consumers)
     */
    public static List<Selector> requiredOf(String service, boolean messaging) {
        List<Selector> required = new ArrayList<>();
        for (Selector s : selectors()) {
            if (PROMETHEUS_OWN.contains(s.name())
                    || KAFKA_EXPORTER_PREFIXES.stream().anyMatch(s.name()::startsWith)) {
                continue;
            }
            if (s.owner() != null) {
                if (s.owner().equals(service)) {
                    required.add(s);
                }
            } else if (s.pattern() || s.name().startsWith("kafka_")) {
                if (messaging) {
                    required.add(s);
                }
            } else {
                required.add(s);
            }
        }
        return required;
    }

    /** What {@code service} must export ({@link #requiredOf}) and {@code metricsText} lacks. */
    public static List<Selector> missing(String service, boolean messaging, String metricsText) {
        Set<String> exported = exportedNames(metricsText);
        return requiredOf(service, messaging).stream()
                .filter(s -> !s.matchesAny(exported))
                .toList();
    }

    /** The service's Prometheus metrics, as Prometheus scrapes them (the one place that knows where they are). */
    public static String scrape() {
        return given().when()
                .get(ManagementInterface.url(METRICS_PATH))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The names of the samples in a Prometheus text exposition. */
    public static Set<String> exportedNames(String metricsText) {
        Set<String> names = new TreeSet<>();
        for (String line : metricsText.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < l.length() && l.charAt(end) != '{' && !Character.isWhitespace(l.charAt(end))) {
                end++;
            }
            names.add(l.substring(0, end));
        }
        return names;
    }

    /** The metric names and name patterns one PromQL expression reads. */
    public static Set<Selector> selectorsOf(String expr) {
        Set<Selector> found = new LinkedHashSet<>();
        Matcher byName = NAME_MATCHER.matcher(expr);
        while (byName.find()) {
            found.add(new Selector(byName.group(2), byName.group(1).equals("=~")));
        }
        String rest = STRING.matcher(expr).replaceAll(" ");
        String before;
        do { // nested braces do not occur in PromQL selectors, but brackets may follow braces
            before = rest;
            rest = BRACES.matcher(rest).replaceAll(" ");
        } while (!rest.equals(before));
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = NUMBER.matcher(rest).replaceAll(" ");
        Matcher id = IDENTIFIER.matcher(rest);
        while (id.find()) {
            String word = id.group(1);
            boolean call = id.group(2) != null;
            if (!call && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                found.add(new Selector(word, false));
            }
        }
        return found;
    }

    /** PromQL of the panels' targets (rows' panels too) and of the query variables. */
    static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        collectTargets(dashboard.path("panels"), exprs);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String q = query.isTextual() ? query.asText() : query.path("query").asText();
            exprs.add(variableExpression(q));
        }
        return exprs;
    }

    /** The PromQL inside a Prometheus variable query ({@code label_values(expr, label)}, {@code query_result(expr)}). */
    static String variableExpression(String query) {
        Matcher m = LABEL_VALUES.matcher(query);
        if (m.matches()) {
            return m.group(1);
        }
        m = QUERY_RESULT.matcher(query);
        if (m.matches()) {
            return m.group(1);
        }
        throw new IllegalArgumentException("a variable query this check does not read: " + query);
    }

    private static void collectTargets(JsonNode panels, List<String> exprs) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
            collectTargets(panel.path("panels"), exprs);
        }
    }

    /** The {@code expr} of every rule of a PrometheusRule. */
    static List<String> ruleExpressions(JsonNode rule) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                exprs.add(r.path("expr").asText());
            }
        }
        return exprs;
    }

    /** The repository's root: the first directory up from the working directory that holds {@link #MONITORING}. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(MONITORING))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no " + MONITORING + " above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode readJson(Path fromRoot) {
        try {
            return new ObjectMapper()
                    .readTree(repositoryRoot().resolve(fromRoot).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readYaml(Path fromRoot) {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .readTree(repositoryRoot().resolve(fromRoot).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
