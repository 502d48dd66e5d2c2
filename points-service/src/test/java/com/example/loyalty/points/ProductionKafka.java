package com.example.loyalty.points;

import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Kafka as points-service meets it in Kubernetes, with the broker away: the environment variables of the Kubernetes
 * manifests (names as the environment gives them: KAFKA_SECURITY_PROTOCOL=SASL_SSL, SCRAM-SHA-512, a JAAS login, a PEM
 * truststore with a cluster CA), and a bootstrap address nobody listens on (port 1). No test broker is started; the
 * database (behind a cuttable proxy) and the test token keys are.
 */
public class ProductionKafka implements QuarkusTestProfile {

    public static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"points-service\" password=\"not-a-real-password\";";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", clusterCa(),
                // the clients retry the missing broker all along: one line per client, not one per attempt
                "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class, Map.of("proxied", "true")),
                new TestResourceEntry(OidcKeysResource.class));
    }

    /** A throw-away CA certificate (src/test/resources/kafka), as Strimzi's cluster CA is mounted in Kubernetes. */
    public static String clusterCa() {
        try {
            return Path.of(ProductionKafka.class
                            .getResource("/kafka/test-cluster-ca.crt")
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
