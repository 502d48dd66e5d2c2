package com.example.loyalty.launcher.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.process.JvmHeap;
import com.example.loyalty.launcher.process.Supervisor;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaNodeTest {

    @TempDir
    Path tmp;

    private KafkaNode node(int portOffset) {
        StackConfig config =
                StackConfig.defaults(tmp).withStateDir(tmp.resolve("state")).withPortOffset(portOffset);
        return new KafkaNode(
                config, new Supervisor(tmp.resolve("state/logs"), (n, h) -> {}, Duration.ofMillis(10)), line -> {});
    }

    @Test
    void writesTheConfigurationOfTheConfiguredPortsIntoTheStateDirectory() throws Exception {
        node(100).writeConfiguration();

        Path dir = tmp.resolve("state/kafka");
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(dir.resolve("server.properties"))));
        assertEquals("PLAINTEXT://localhost:9192,CONTROLLER://localhost:9193", p.getProperty("listeners"));
        assertEquals(dir.resolve("data").toString(), p.getProperty("log.dirs"));
        assertTrue(Files.isDirectory(dir.resolve("data")));
        assertEquals(KafkaFiles.log4j2Xml(), Files.readString(dir.resolve("log4j2.xml")));
    }

    @Test
    void rewritesTheConfigurationWhenThePortsMove() throws Exception {
        node(0).writeConfiguration();
        node(100).writeConfiguration();
        assertTrue(
                Files.readString(tmp.resolve("state/kafka/server.properties")).contains("localhost:9192"));
    }

    @Test
    void theJvmLogsThroughItsOwnLog4j2FileIntoTheLogsDirectory() {
        List<String> jvm = node(0).jvm("/lib/*");
        assertEquals(Supervisor.javaExecutable(), jvm.get(0));
        assertTrue(jvm.contains("-Dlog4j2.configurationFile=" + tmp.resolve("state/kafka/log4j2.xml")), jvm.toString());
        assertTrue(jvm.contains("-Dkafka.logs.dir=" + tmp.resolve("state/logs")), jvm.toString());
        assertEquals(List.of("-cp", "/lib/*"), jvm.subList(jvm.size() - 2, jvm.size()));
    }

    @Test
    void theBrokerRunsWithTheStacksFixedHeapAndTheStorageToolWithASmallOne() {
        List<String> broker = node(0).jvm("/lib/*");
        assertEquals(JvmHeap.options(), broker.subList(1, 4));
        List<String> tool = node(0).tool("/lib/*");
        assertEquals("-Xmx128m", tool.get(1));
        assertFalse(tool.contains("-XX:+AlwaysPreTouch"), tool.toString());
        assertEquals(broker.subList(4, broker.size()), tool.subList(2, tool.size()));
    }

    @Test
    void theClusterIdIsCreatedOnceAndKept() throws Exception {
        Path file = tmp.resolve("cluster.id");
        String id = KafkaNode.clusterId(file);
        assertEquals(22, id.length(), id);
        assertEquals(id + "\n", Files.readString(file));
        assertEquals(id, KafkaNode.clusterId(file));
    }

    @Test
    void theClasspathPropertyWins() {
        String before = System.getProperty("loyalty.kafka.classpath");
        try {
            System.setProperty("loyalty.kafka.classpath", "/somewhere/lib/*");
            assertEquals("/somewhere/lib/*", KafkaNode.kafkaClasspath());
        } finally {
            if (before == null) {
                System.clearProperty("loyalty.kafka.classpath");
            } else {
                System.setProperty("loyalty.kafka.classpath", before);
            }
        }
    }
}
