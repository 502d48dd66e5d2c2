package com.example.loyalty.k8s.policy;

import com.example.loyalty.k8s.Repo;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's application.properties says about Kafka and its required settings (the production profile). */
public record ServiceConfig(String service, Properties properties) {

    /** One Kafka channel: its direction, its topic (the channel name unless set), group and dead-letter topic. */
    public record Channel(String service, boolean incoming, String name, String topic, String group, String dlq) {}

    public static ServiceConfig read(Path root, String service) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Repo.applicationProperties(root, service), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(service, p);
    }

    /** The value in the production profile: %prod.key if set, else key. */
    public String prod(String key) {
        String v = properties.getProperty("%prod." + key);
        return v != null ? v : properties.getProperty(key);
    }

    private static final Pattern CONNECTOR =
            Pattern.compile("^(?:%prod\\.)?mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector$");

    public List<Channel> kafkaChannels() {
        TreeSet<String> seen = new TreeSet<>();
        List<Channel> channels = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = CONNECTOR.matcher(key);
            if (!m.matches()
                    || !"smallrye-kafka".equals(properties.getProperty(key).trim())) {
                continue;
            }
            String direction = m.group(1);
            String name = m.group(2);
            if (!seen.add(direction + " " + name)) {
                continue;
            }
            String prefix = "mp.messaging." + direction + "." + name + ".";
            String topic = prod(prefix + "topic");
            channels.add(new Channel(
                    service,
                    direction.equals("incoming"),
                    name,
                    topic == null ? name : topic.trim(),
                    trim(prod(prefix + "group.id")),
                    trim(prod(prefix + "dead-letter-queue.topic"))));
        }
        channels.sort(java.util.Comparator.comparing(Channel::name));
        return channels;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** The properties listed in %prod.loyalty.required (RequiredSettings): ${name} or ${name:default}. */
    public List<String> requiredProperties() {
        String value = properties.getProperty("%prod.loyalty.required");
        List<String> names = new ArrayList<>();
        if (value == null) {
            return names;
        }
        Matcher m = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}").matcher(value);
        while (m.find()) {
            names.add(m.group(1).trim());
        }
        return names;
    }

    /** The environment variable MicroProfile Config reads a property from: non-alphanumerics to _, upper case. */
    public static String envVar(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
