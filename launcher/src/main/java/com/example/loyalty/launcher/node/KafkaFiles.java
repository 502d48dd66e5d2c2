package com.example.loyalty.launcher.node;

import java.nio.file.Path;

/** The configuration files of the Kafka broker (KRaft, one combined broker + controller node). */
public final class KafkaFiles {

    private KafkaFiles() {}

    /** {@code server.properties} for a single combined node whose data lives in {@code dataDir}. */
    public static String serverProperties(int port, int controllerPort, Path dataDir) {
        return String.join(
                "\n",
                "# Written by the loyalty launcher at every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + escape(dataDir.toAbsolutePath().toString()),
                "auto.create.topics.enable=true",
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
    }

    /** A log4j2 configuration that writes the broker's log to standard output (redirected to its log file). */
    public static String log4j2Xml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the loyalty launcher: the broker logs to stdout, which goes to logs/kafka.log -->
                <Configuration status="error" shutdownHook="disable">
                  <Appenders>
                    <Console name="stdout" target="SYSTEM_OUT">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Root level="info">
                      <AppenderRef ref="stdout"/>
                    </Root>
                    <Logger name="kafka.request.logger" level="warn"/>
                    <Logger name="state.change.logger" level="warn"/>
                    <Logger name="kafka.log.LogCleaner" level="warn"/>
                    <Logger name="org.apache.kafka.storage.internals.log.LogCleaner" level="warn"/>
                    <Logger name="kafka.authorizer.logger" level="warn"/>
                  </Loggers>
                </Configuration>
                """;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
