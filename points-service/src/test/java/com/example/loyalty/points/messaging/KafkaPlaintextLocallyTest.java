package com.example.loyalty.points.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.loyalty.points.messaging.KafkaClientConfigs.Client;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without the KAFKA_SECURITY_* variables (the local stack, the tests) every Kafka client talks plaintext to the
 * broker, as before; {@link KafkaSecurityConfigTest} shows the same clients with the production variables.
 */
@QuarkusTest
class KafkaPlaintextLocallyTest {

    @Inject
    KafkaClientConfigs recorded;

    @Test
    void everyKafkaClientTalksPlaintext() {
        List<Client> clients = recorded.clients();
        assertFalse(clients.isEmpty(), "the clients were recorded");
        for (Client client : clients) {
            assertEquals(
                    "PLAINTEXT",
                    String.valueOf(client.config().getOrDefault("security.protocol", "PLAINTEXT")),
                    client.clientId());
            assertFalse(client.config().containsKey("sasl.jaas.config"), client.clientId());
        }
    }
}
