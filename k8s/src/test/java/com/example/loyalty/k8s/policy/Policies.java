package com.example.loyalty.k8s.policy;

import com.example.loyalty.k8s.Objects;
import com.example.loyalty.k8s.Repo;
import com.example.loyalty.k8s.kustomize.Kustomize;
import com.example.loyalty.k8s.kustomize.LabelSelector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deployment policies of issue 13, as functions from a build (and the repository root it belongs to) to the list
 * of violations, each a sentence naming the object. An empty list is a pass. The same functions run on the real
 * overlays and on the fixtures that prove they find what they should.
 */
public final class Policies {
    public static final String NAMESPACE = "loyalty";
    /** The workloads autoscaled on CPU; metrics-service is sized by its topics' partitions instead. */
    public static final Set<String> AUTOSCALED =
            Set.of("gateway", "points-service", "survey-service", "community-service");

    private Policies() {}

    // ---- containers: resources, probes, security context ----

    /**
     * Every container of every Deployment: memory request and limit and a CPU request (a CPU limit is optional: it
     * throttles a JVM that starts or collects garbage, and the requests are what scheduling and the autoscalers use);
     * the three probes, on the management port and the contract's paths (containers, not init containers); the pod's
     * runAsNonRoot, RuntimeDefault seccomp profile and no service-account token; the container's no privilege
     * escalation, read-only root filesystem, all capabilities dropped and a non-zero user (its own runAsUser, or the
     * pod's, which it inherits).
     */
    public static List<String> containers(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode d : Objects.ofKind(objects, "Deployment")) {
            String name = Objects.kindName(d);
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            if (!podSecurity.path("runAsNonRoot").asBoolean(false)) {
                v.add(name + ": pod securityContext.runAsNonRoot is not true");
            }
            if (!podSecurity.path("seccompProfile").path("type").asText().equals("RuntimeDefault")) {
                v.add(name + ": pod securityContext.seccompProfile.type is not RuntimeDefault");
            }
            if (!pod.path("automountServiceAccountToken").isBoolean()
                    || pod.path("automountServiceAccountToken").asBoolean()) {
                v.add(name + ": automountServiceAccountToken is not false");
            }
            List<JsonNode> all = new ArrayList<>();
            pod.path("containers").forEach(all::add);
            int containers = all.size();
            pod.path("initContainers").forEach(all::add);
            if (containers == 0) {
                v.add(name + ": no containers");
            }
            for (int i = 0; i < all.size(); i++) {
                JsonNode c = all.get(i);
                String where = name + " container " + c.path("name").asText();
                JsonNode resources = c.path("resources");
                for (String field : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                    if (resources.at("/" + field).asText("").isEmpty()) {
                        v.add(where + ": no resources." + field.replace('/', '.'));
                    }
                }
                JsonNode sc = c.path("securityContext");
                if (!sc.path("allowPrivilegeEscalation").isBoolean()
                        || sc.path("allowPrivilegeEscalation").asBoolean()) {
                    v.add(where + ": securityContext.allowPrivilegeEscalation is not false");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    v.add(where + ": securityContext.readOnlyRootFilesystem is not true");
                }
                boolean dropsAll = false;
                for (JsonNode cap : sc.path("capabilities").path("drop")) {
                    dropsAll |= cap.asText().equals("ALL");
                }
                if (!dropsAll) {
                    v.add(where + ": securityContext.capabilities.drop does not contain ALL");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    v.add(where + ": privileged");
                }
                JsonNode user = sc.has("runAsUser") ? sc.get("runAsUser") : podSecurity.get("runAsUser");
                if (user == null || !user.canConvertToLong() || user.asLong() == 0) {
                    v.add(where + ": no non-zero runAsUser (container or pod)");
                }
                if (i < containers) {
                    probe(v, where, c, "startupProbe", "/q/health/started");
                    probe(v, where, c, "livenessProbe", "/q/health/live");
                    probe(v, where, c, "readinessProbe", "/q/health/ready");
                }
            }
        }
        return v;
    }

    private static void probe(List<String> v, String where, JsonNode c, String probe, String path) {
        JsonNode get = c.path(probe).path("httpGet");
        if (get.isMissingNode()) {
            v.add(where + ": no " + probe + " (httpGet)");
            return;
        }
        if (!get.path("path").asText().equals(path)) {
            v.add(where + ": " + probe + " path is " + get.path("path").asText() + ", not " + path);
        }
        String port = get.path("port").asText();
        if (!port.equals("management") && !port.equals("9000")) {
            v.add(where + ": " + probe + " is on port " + port + ", not the management port (9000)");
        }
    }

    // ---- availability: PDB, topology spread, HPA ----

    /**
     * Every workload (of the root) has a Deployment whose pods a PodDisruptionBudget selects, topology spread
     * constraints whose selectors select its pods, and (gateway, points, survey, community) a HorizontalPodAutoscaler
     * targeting it.
     */
    public static List<String> availability(List<ObjectNode> objects, List<String> workloads) {
        List<String> v = new ArrayList<>();
        for (String w : workloads) {
            ObjectNode d = Objects.find(objects, "Deployment", w);
            if (d == null) {
                v.add("Deployment " + w + ": missing");
                continue;
            }
            Map<String, String> podLabels =
                    Kustomize.labels(d.path("spec").path("template").path("metadata"));
            String ns = d.path("metadata").path("namespace").asText();
            boolean pdb = Objects.ofKind(objects, "PodDisruptionBudget").stream()
                    .filter(p -> p.path("metadata").path("namespace").asText().equals(ns))
                    .anyMatch(p -> selects(p.path("spec").path("selector"), podLabels));
            if (!pdb) {
                v.add("Deployment " + w + ": no PodDisruptionBudget selects its pods");
            }
            JsonNode spread = d.path("spec").path("template").path("spec").path("topologySpreadConstraints");
            if (!spread.isArray() || spread.isEmpty()) {
                v.add("Deployment " + w + ": no topologySpreadConstraints");
            }
            for (JsonNode c : spread) {
                if (!selects(c.path("labelSelector"), podLabels)) {
                    v.add("Deployment " + w + ": topology spread over "
                            + c.path("topologyKey").asText() + " does not select its own pods");
                }
            }
            if (AUTOSCALED.contains(w)) {
                boolean hpa = Objects.ofKind(objects, "HorizontalPodAutoscaler").stream()
                        .map(h -> h.path("spec").path("scaleTargetRef"))
                        .anyMatch(ref -> ref.path("kind").asText().equals("Deployment")
                                && ref.path("name").asText().equals(w));
                if (!hpa) {
                    v.add("Deployment " + w + ": no HorizontalPodAutoscaler targets it");
                }
            }
        }
        return v;
    }

    /** A Kubernetes LabelSelector (matchLabels, matchExpressions) that is not empty and selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        List<String> requirements = new ArrayList<>();
        selector.path("matchLabels")
                .fields()
                .forEachRemaining(
                        e -> requirements.add(e.getKey() + "=" + e.getValue().asText()));
        for (JsonNode e : selector.path("matchExpressions")) {
            String key = e.path("key").asText();
            List<String> values = new ArrayList<>();
            e.path("values").forEach(x -> values.add(x.asText()));
            switch (e.path("operator").asText()) {
                case "In" -> requirements.add(key + " in (" + String.join(",", values) + ")");
                case "NotIn" -> requirements.add(key + " notin (" + String.join(",", values) + ")");
                case "Exists" -> requirements.add(key);
                case "DoesNotExist" -> requirements.add("!" + key);
                default -> {
                    return false;
                }
            }
        }
        return !requirements.isEmpty()
                && LabelSelector.parse(String.join(",", requirements)).test(labels);
    }

    // ---- environment ----

    /**
     * Every property in a service's %prod.loyalty.required is set in its Deployment's container (named like the
     * workload), by the environment variable MicroProfile Config reads it from: an env entry, or an envFrom of a
     * ConfigMap or Secret of the build that has the key (a Secret made outside the build must be named by env
     * entries, so that the manifest says which key it needs). Every configMapKeyRef to a ConfigMap of the build names
     * a key it has.
     */
    public static List<String> requiredEnvironment(Path root, List<ObjectNode> objects, List<String> workloads) {
        List<String> v = new ArrayList<>();
        for (String w : workloads) {
            ObjectNode d = Objects.find(objects, "Deployment", w);
            if (d == null) {
                v.add("Deployment " + w + ": missing");
                continue;
            }
            JsonNode container = null;
            for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                if (c.path("name").asText().equals(w)) {
                    container = c;
                }
            }
            if (container == null) {
                v.add("Deployment " + w + ": no container named " + w);
                continue;
            }
            Set<String> provided = new TreeSet<>();
            for (JsonNode e : container.path("env")) {
                provided.add(e.path("name").asText());
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                if (ref.isObject() && !ref.path("optional").asBoolean(false)) {
                    ObjectNode cm =
                            Objects.find(objects, "ConfigMap", ref.path("name").asText());
                    if (cm != null && !cm.path("data").has(ref.path("key").asText())) {
                        v.add("Deployment " + w + ": env " + e.path("name").asText() + " reads key "
                                + ref.path("key").asText() + " that ConfigMap "
                                + ref.path("name").asText()
                                + " does not have");
                    }
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                String prefix = from.path("prefix").asText("");
                for (String kind : List.of("ConfigMap", "Secret")) {
                    JsonNode ref = from.path(kind.equals("ConfigMap") ? "configMapRef" : "secretRef");
                    ObjectNode source = ref.isObject()
                            ? Objects.find(objects, kind, ref.path("name").asText())
                            : null;
                    if (source != null) {
                        source.path("data").fieldNames().forEachRemaining(k -> provided.add(prefix + k));
                        source.path("stringData").fieldNames().forEachRemaining(k -> provided.add(prefix + k));
                    }
                }
            }
            for (String property : ServiceConfig.read(root, w).requiredProperties()) {
                String env = ServiceConfig.envVar(property);
                if (!provided.contains(env)) {
                    v.add("Deployment " + w + ": required setting " + property + " (env " + env + ") is not set");
                }
            }
        }
        return v;
    }

    // ---- Kafka: topics ----

    /**
     * Every topic the code uses (the services' channels: topic, or the channel's name; dead-letter topics; the topic
     * constants of the events module) and every topic of the docs table has a KafkaTopic (by metadata.name or
     * spec.topicName); every KafkaTopic and KafkaUser belongs to the Strimzi cluster "loyalty".
     */
    public static List<String> kafkaTopics(Path root, List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        Map<String, String> needed = new java.util.TreeMap<>();
        for (String w : Repo.workloads(root)) {
            for (ServiceConfig.Channel c : ServiceConfig.read(root, w).kafkaChannels()) {
                needed.putIfAbsent(c.topic(), w + " channel " + c.name());
                if (c.dlq() != null) {
                    needed.putIfAbsent(c.dlq(), w + " channel " + c.name() + " dead letters");
                }
            }
        }
        topicConstants(root).forEach(t -> needed.putIfAbsent(t, "events module Topics"));
        TopicTable.read(root).topics().forEach(t -> needed.putIfAbsent(t, "docs/local-stack.md"));
        Set<String> existing = new TreeSet<>();
        for (ObjectNode t : Objects.ofKind(objects, "KafkaTopic")) {
            existing.add(
                    t.path("spec").has("topicName")
                            ? t.path("spec").path("topicName").asText()
                            : t.path("metadata").path("name").asText());
        }
        needed.forEach((topic, by) -> {
            if (!existing.contains(topic)) {
                v.add("topic " + topic + " (used by " + by + ") has no KafkaTopic");
            }
        });
        for (String kind : List.of("KafkaTopic", "KafkaUser")) {
            for (ObjectNode o : Objects.ofKind(objects, kind)) {
                if (!"loyalty"
                        .equals(o.path("metadata")
                                .path("labels")
                                .path("strimzi.io/cluster")
                                .asText())) {
                    v.add(Objects.kindName(o) + ": label strimzi.io/cluster is not loyalty");
                }
            }
        }
        return v;
    }

    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+\\w+\\s*=\\s*\"([^\"]+)\"");

    /** The topic names of the events module's Topics class, where the root has one. */
    static List<String> topicConstants(Path root) {
        Path dir = root.resolve("events/src/main/java");
        List<String> topics = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return topics;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("Topics.java"))
                    .toList()) {
                Matcher m = CONSTANT.matcher(Files.readString(f));
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    // ---- Kafka: ACLs ----

    /** The ACLs the table gives each service: "type name operation", literal resources. */
    static Map<String, Set<String>> expectedAcls(TopicTable table) {
        Map<String, Set<String>> acls = new HashMap<>();
        for (TopicTable.Row r : table.rows()) {
            acls.computeIfAbsent(r.producer(), s -> new TreeSet<>()).add("topic " + r.topic() + " Write");
            for (TopicTable.Consumer c : r.consumers()) {
                Set<String> s = acls.computeIfAbsent(c.service(), x -> new TreeSet<>());
                s.add("topic " + r.topic() + " Read");
                s.add("group " + c.group() + " Read");
            }
            for (TopicTable.DeadLetter d : r.deadLetters()) {
                acls.computeIfAbsent(d.service(), x -> new TreeSet<>()).add("topic " + d.topic() + " Write");
            }
        }
        return acls;
    }

    /**
     * Every KafkaUser's ACLs are exactly those of the table in docs/local-stack.md: Write on the topics it produces and
     * on the dead-letter topics it writes, Read on the topics it consumes and on its consumer groups; Describe is
     * allowed on those same resources and nothing else is (no prefix or wildcard, no deny rule, no other operation).
     * Every service the table names has a KafkaUser of its name.
     */
    public static List<String> kafkaAcls(Path root, List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        Map<String, Set<String>> expected = expectedAcls(TopicTable.read(root));
        for (String service : new TreeSet<>(expected.keySet())) {
            if (Objects.find(objects, "KafkaUser", service) == null) {
                v.add("KafkaUser " + service + ": missing (docs/local-stack.md gives it ACLs)");
            }
        }
        for (ObjectNode user : Objects.ofKind(objects, "KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            Set<String> want = expected.getOrDefault(name, Set.of());
            Set<String> resources = new TreeSet<>();
            want.forEach(a -> resources.add(a.substring(0, a.lastIndexOf(' '))));
            Set<String> have = new TreeSet<>();
            JsonNode authorization = user.path("spec").path("authorization");
            if (!want.isEmpty() && !authorization.path("type").asText().equals("simple")) {
                v.add("KafkaUser " + name + ": authorization type is not simple");
            }
            for (JsonNode acl : authorization.path("acls")) {
                JsonNode res = acl.path("resource");
                String resource =
                        res.path("type").asText() + " " + res.path("name").asText("*");
                String pattern = res.path("patternType").asText("literal");
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                if (acl.has("operation")) {
                    operations.add(acl.path("operation").asText());
                }
                for (String op : operations) {
                    String entry = resource + " " + op;
                    if (!pattern.equals("literal")
                            || acl.path("type").asText("allow").equals("deny")) {
                        v.add("KafkaUser " + name + ": " + entry + " (" + pattern + ", "
                                + acl.path("type").asText("allow") + ") is not a literal allow rule");
                    } else if (op.equals("Describe") && resources.contains(resource)) {
                        continue;
                    } else {
                        have.add(entry);
                    }
                }
            }
            for (String a : want) {
                if (!have.contains(a)) {
                    v.add("KafkaUser " + name + ": missing ACL " + a);
                }
            }
            for (String a : have) {
                if (!want.contains(a)) {
                    v.add("KafkaUser " + name + ": ACL " + a + " is not in docs/local-stack.md");
                }
            }
        }
        return v;
    }

    /**
     * The docs table (which the ACLs follow) agrees with the code: every service it names is a workload; every
     * consumer channel of a service is listed with its group, every dead-letter topic with its writer, every outbox
     * topic with its producer.
     */
    public static List<String> topicTableMatchesCode(Path root) {
        List<String> v = new ArrayList<>();
        TopicTable table = TopicTable.read(root);
        List<String> workloads = Repo.workloads(root);
        for (String s : table.services()) {
            if (!workloads.contains(s)) {
                v.add("docs/local-stack.md names " + s + ", which is not a workload");
            }
        }
        Map<String, TopicTable.Row> rows = new HashMap<>();
        table.rows().forEach(r -> rows.put(r.topic(), r));
        for (String w : workloads) {
            for (ServiceConfig.Channel c : ServiceConfig.read(root, w).kafkaChannels()) {
                TopicTable.Row row = rows.get(c.topic());
                if (c.incoming()) {
                    if (row == null || !row.consumers().contains(new TopicTable.Consumer(w, c.group()))) {
                        v.add(w + " consumes " + c.topic() + " as group " + c.group()
                                + ", which docs/local-stack.md does not list");
                    }
                    if (c.dlq() != null
                            && table.rows().stream()
                                    .noneMatch(r -> r.deadLetters().contains(new TopicTable.DeadLetter(c.dlq(), w)))) {
                        v.add(w + " writes dead letters to " + c.dlq() + ", which docs/local-stack.md does not list");
                    }
                } else if (c.name().equals("outbox")
                        && (row == null || !row.producer().equals(w))) {
                    v.add(w + " produces " + c.topic() + " (outbox), which docs/local-stack.md does not list");
                }
            }
        }
        return v;
    }

    // ---- network and namespace ----

    /**
     * Every namespaced object is in namespace loyalty; every Ingress has TLS and routes only to the gateway's Service
     * (or to a Keycloak CR's login Service); a default-deny NetworkPolicy (every pod, Ingress and Egress, no rule)
     * exists.
     */
    public static List<String> network(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        for (ObjectNode o : objects) {
            String kind = o.path("kind").asText();
            boolean clusterScoped = Set.of(
                            "Namespace",
                            "ClusterRole",
                            "ClusterRoleBinding",
                            "CustomResourceDefinition",
                            "PriorityClass",
                            "StorageClass",
                            "IngressClass")
                    .contains(kind);
            if (!clusterScoped
                    && !NAMESPACE.equals(o.path("metadata").path("namespace").asText())) {
                v.add(Objects.kindName(o) + ": namespace is '"
                        + o.path("metadata").path("namespace").asText() + "', not " + NAMESPACE);
            }
        }
        // the gateway is the one way in to the services; Keycloak's login pages (the Service the Keycloak operator
        // makes for a Keycloak CR, <name>-service) are the only other thing users must reach
        Set<String> exposable = new TreeSet<>(Set.of("gateway"));
        Objects.ofKind(objects, "Keycloak")
                .forEach(k -> exposable.add(k.path("metadata").path("name").asText() + "-service"));
        for (ObjectNode ingress : Objects.ofKind(objects, "Ingress")) {
            Set<String> backends = new TreeSet<>();
            ingress.path("spec").findValues("service").forEach(s -> {
                if (s.has("name")) {
                    backends.add(s.path("name").asText());
                }
            });
            if (backends.isEmpty()) {
                v.add(Objects.kindName(ingress) + ": no backend");
            }
            for (String b : backends) {
                if (!exposable.contains(b)) {
                    v.add(Objects.kindName(ingress) + ": routes to " + b + ", only " + exposable + " may be exposed");
                }
            }
            if (!ingress.path("spec").path("tls").isArray()
                    || ingress.path("spec").path("tls").isEmpty()) {
                v.add(Objects.kindName(ingress) + ": no TLS");
            }
        }
        boolean defaultDeny = false;
        for (ObjectNode p : Objects.ofKind(objects, "NetworkPolicy")) {
            JsonNode spec = p.path("spec");
            JsonNode selector = spec.path("podSelector");
            boolean everyPod = selector.isObject()
                    && selector.path("matchLabels").isEmpty()
                    && selector.path("matchExpressions").isEmpty();
            Set<String> types = new TreeSet<>();
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
            if (everyPod
                    && types.containsAll(Set.of("Ingress", "Egress"))
                    && spec.path("ingress").isEmpty()
                    && spec.path("egress").isEmpty()) {
                defaultDeny = true;
            }
        }
        if (!defaultDeny) {
            v.add("no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress, Egress], no rules)");
        }
        return v;
    }
}
