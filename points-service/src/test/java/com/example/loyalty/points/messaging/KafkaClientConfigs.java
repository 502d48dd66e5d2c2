package com.example.loyalty.points.messaging;

import io.quarkus.arc.Unremovable;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.Config;

/**
 * Records the configuration of every Kafka client the application creates: the consumer of each incoming channel,
 * the producer of each outgoing one (the outbox relay's emitter, the consumers' dead-letters channel) and the
 * dead-letter producer of each incoming channel. SmallRye's Kafka connector hands every client's final configuration
 * (the channel's settings merged over Quarkus' default Kafka configuration) to each {@link ClientCustomizer} bean just
 * before it creates the client; this one changes nothing.
 */
@ApplicationScoped
@Unremovable
public class KafkaClientConfigs implements ClientCustomizer<Map<String, Object>> {

    /** A Kafka client: the channel it was made for, its {@code client.id} and its configuration. */
    public record Client(String channel, String clientId, Map<String, Object> config) {}

    private final List<Client> clients = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        clients.add(new Client(
                channel, String.valueOf(config.get("client.id")), Collections.unmodifiableMap(new HashMap<>(config))));
        return config;
    }

    /** Every client created so far, in order. */
    public List<Client> clients() {
        return List.copyOf(clients);
    }
}
