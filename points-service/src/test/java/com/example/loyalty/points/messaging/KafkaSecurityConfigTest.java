package com.example.loyalty.points.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.ProductionKafka;
import com.example.loyalty.points.messaging.KafkaClientConfigs.Client;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kafka security in production comes from the environment alone: with the KAFKA_* variables of the Kubernetes
 * manifests set (SASL_SSL, SCRAM-SHA-512, the KafkaUser's JAAS login, the cluster CA as a PEM truststore), every Kafka
 * client of the service uses them: the consumer of each incoming channel, the producers of the outgoing channels (the
 * outbox relay's emitter, the consumers' dead-letters channel) and the dead-letter producer of each incoming channel.
 * Quarkus maps every KAFKA_* variable into the connector's default configuration ({@code default-kafka-broker}), which
 * the connector merges into each client's; application.properties names none of them. No SCRAM broker runs here: the
 * clients are created and their configuration read, the bootstrap address is closed.
 */
@QuarkusTest
@TestProfile(ProductionKafka.class)
class KafkaSecurityConfigTest {

    private static final Map<String, String> SECURITY = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", ProductionKafka.JAAS,
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", ProductionKafka.clusterCa(),
            "bootstrap.servers", "localhost:1");

    @Inject
    KafkaClientConfigs recorded;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> defaults;

    @Test
    void theEnvironmentsKafkaVariablesAreTheConnectorsDefaults() {
        SECURITY.forEach((key, value) -> assertEquals(value, String.valueOf(defaults.get(key)), key));
    }

    @Test
    void everyKafkaClientOfTheServiceUsesThem() {
        List<Client> clients = recorded.clients();
        Set<String> incoming = Set.of("survey-responses", "survey-waves", "community-activity", "loyalty-insights");
        // a consumer and a dead-letter producer for each incoming channel, a producer for each outgoing one
        assertEquals(
                Set.of(
                        "survey-responses",
                        "survey-waves",
                        "community-activity",
                        "loyalty-insights",
                        "outbox",
                        "dead-letters"),
                clients.stream().map(Client::channel).collect(Collectors.toSet()),
                "channels: " + clients);
        for (String channel : incoming) {
            List<Client> ofChannel =
                    clients.stream().filter(c -> c.channel().equals(channel)).toList();
            assertTrue(
                    ofChannel.stream().anyMatch(c -> c.config().containsKey("group.id")),
                    channel + " has a consumer: " + ofChannel);
            assertTrue(
                    ofChannel.stream().anyMatch(c -> c.clientId().startsWith("kafka-dead-letter-topic-producer-")),
                    channel + " has a dead-letter producer: " + ofChannel);
        }
        for (Client client : clients) {
            SECURITY.forEach((key, value) ->
                    assertEquals(value, String.valueOf(client.config().get(key)), client.clientId() + ": " + key));
        }
    }
}
