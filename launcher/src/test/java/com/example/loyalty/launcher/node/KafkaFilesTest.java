package com.example.loyalty.launcher.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaFilesTest {

    @Test
    void serverPropertiesDescribeOneCombinedKraftNode() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(KafkaFiles.serverProperties(19092, 19093, Path.of("/state/kafka/data"))));
        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("1", p.getProperty("node.id"));
        assertEquals("1@localhost:19093", p.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://localhost:19092", p.getProperty("advertised.listeners"));
        assertEquals("CONTROLLER", p.getProperty("controller.listener.names"));
        assertEquals("/state/kafka/data", p.getProperty("log.dirs"));
        assertEquals("true", p.getProperty("auto.create.topics.enable"));
        assertEquals("3", p.getProperty("num.partitions"));
        assertEquals("1", p.getProperty("offsets.topic.replication.factor"));
        assertEquals("1", p.getProperty("transaction.state.log.replication.factor"));
        assertEquals("1", p.getProperty("transaction.state.log.min.isr"));
        assertEquals("0", p.getProperty("group.initial.rebalance.delay.ms"));
    }

    @Test
    void log4j2ConfigLogsToStdout() {
        String xml = KafkaFiles.log4j2Xml();
        assertTrue(xml.contains("target=\"SYSTEM_OUT\""));
        assertTrue(xml.contains("<Root level=\"info\">"));
    }
}
