package com.example.loyalty.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in KRaft mode (one combined broker + controller node, in-process) on a free loopback
 * port. Usage: {@code @QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)}.
 * Tests reach it with {@link TestKafka}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka test broker", e);
        }
        String bootstrap = cluster.bootstrapServers();
        TestKafka.bootstrapServers = bootstrap;
        // the in-JVM broker logs through the application's log manager: keep its chatter out of test output
        return Map.of(
                "kafka.bootstrap.servers",
                bootstrap,
                "quarkus.log.category.\"kafka\".level",
                "WARN",
                "quarkus.log.category.\"state.change.logger\".level",
                "WARN",
                "quarkus.log.category.\"org.apache.kafka\".level",
                "WARN");
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the Kafka test broker", e);
            }
        }
    }
}
