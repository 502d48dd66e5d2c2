package com.example.loyalty.k8s.policy;

import com.example.loyalty.k8s.kustomize.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table "Kafka topics" of docs/local-stack.md: per topic its producer (the outbox), its consumers with their
 * groups, and its dead-letter topics with the service that writes each. The Kafka ACLs and topics are checked
 * against it.
 */
public record TopicTable(List<Row> rows) {

    public record Consumer(String service, String group) {}

    public record DeadLetter(String topic, String service) {}

    public record Row(String topic, String producer, List<Consumer> consumers, List<DeadLetter> deadLetters) {}

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern SERVICE = Pattern.compile("^\\s*([a-z][a-z0-9-]*)");

    public static TopicTable read(Path root) {
        Path file = root.resolve("docs/local-stack.md");
        return parse(Yaml.read(file), file.toString());
    }

    static TopicTable parse(String markdown, String source) {
        List<String> lines = markdown.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = cells(lines.get(i));
            if (cells.size() == 4
                    && cells.get(0).equals("topic")
                    && cells.get(1).startsWith("producer")
                    && cells.get(2).startsWith("consumers")
                    && cells.get(3).startsWith("dead letters")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new IllegalStateException(source + ": no table | topic | producer | consumers | dead letters |");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).trim().startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            String where = source + ":" + (i + 1) + ": ";
            if (cells.size() != 4) {
                throw new IllegalStateException(where + "expected 4 cells: " + lines.get(i));
            }
            String topic = firstBackticked(cells.get(0), where + "topic");
            String producer = service(cells.get(1), where + "producer");
            List<Consumer> consumers = new ArrayList<>();
            for (String entry : splitTopLevel(cells.get(2))) {
                int paren = entry.indexOf('(');
                if (paren < 0) {
                    throw new IllegalStateException(where + "consumer without (`group`...): " + entry);
                }
                consumers.add(new Consumer(
                        service(entry, where + "consumer"),
                        firstBackticked(entry.substring(paren), where + "consumer group")));
            }
            List<DeadLetter> deadLetters = new ArrayList<>();
            for (String entry : splitTopLevel(cells.get(3))) {
                int paren = entry.indexOf('(');
                if (paren < 0) {
                    throw new IllegalStateException(where + "dead-letter topic without (writer): " + entry);
                }
                deadLetters.add(new DeadLetter(
                        firstBackticked(entry.substring(0, paren), where + "dead-letter topic"),
                        service(entry.substring(paren + 1), where + "dead-letter writer")));
            }
            rows.add(new Row(topic, producer, consumers, deadLetters));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(source + ": the Kafka topics table has no rows");
        }
        return new TopicTable(rows);
    }

    private static List<String> cells(String line) {
        String t = line.trim();
        if (!t.startsWith("|") || !t.endsWith("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (String c : t.substring(1, t.length() - 1).split("\\|", -1)) {
            cells.add(c.trim());
        }
        return cells;
    }

    private static String firstBackticked(String text, String what) {
        Matcher m = BACKTICKED.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(what + ": no `name` in " + text);
        }
        return m.group(1);
    }

    private static String service(String text, String what) {
        Matcher m = SERVICE.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(what + ": no service name in " + text);
        }
        return m.group(1);
    }

    /** Splits at commas outside parentheses and brackets. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().trim());
        }
        return parts;
    }

    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (Row r : rows) {
            topics.add(r.topic());
            r.deadLetters().forEach(d -> topics.add(d.topic()));
        }
        return topics;
    }

    public List<String> services() {
        List<String> services = new ArrayList<>();
        for (Row r : rows) {
            services.add(r.producer());
            r.consumers().forEach(c -> services.add(c.service()));
            r.deadLetters().forEach(d -> services.add(d.service()));
        }
        return services.stream().distinct().sorted().toList();
    }
}
