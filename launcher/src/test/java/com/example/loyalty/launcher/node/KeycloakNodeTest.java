package com.example.loyalty.launcher.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.net.HttpProbe;
import com.example.loyalty.launcher.process.Supervisor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakNodeTest {

    @TempDir
    Path tmp;

    private final List<String> progress = new ArrayList<>();

    private KeycloakNode node(int portOffset) {
        StackConfig config =
                StackConfig.defaults(tmp).withStateDir(tmp.resolve("state")).withPortOffset(portOffset);
        return new KeycloakNode(
                config,
                new Supervisor(tmp.resolve("state/logs"), (n, h) -> {}, Duration.ofMillis(10)),
                new HttpProbe(),
                progress::add);
    }

    /** The options of {@code kc.sh} that are not the runtime options ports and hostname. */
    private static List<String> buildOptions(List<String> command) {
        return command.stream()
                .filter(o -> !o.startsWith("--http-port=")
                        && !o.startsWith("--http-management-port=")
                        && !o.startsWith("--hostname="))
                .toList();
    }

    @Test
    void commandLineIsStartDevWithTheConfiguredPorts() {
        Path home = tmp.resolve("dist");
        assertEquals(
                List.of(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-port=8180",
                        "--http-management-port=9180",
                        "--health-enabled=true",
                        "--import-realm",
                        "--hostname=http://localhost:8180"),
                node(0).command(home));
    }

    @Test
    void buildOptionsAreTheSameEveryTime() {
        Path home = tmp.resolve("dist");
        KeycloakNode node = node(0);
        assertEquals(node.command(home), node.command(home));
        assertEquals(buildOptions(node.command(home)), buildOptions(node(23000).command(home)));
        assertEquals(
                List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--health-enabled=true", "--import-realm"),
                buildOptions(node(23000).command(home)));
        assertTrue(node(23000).command(home).contains("--http-port=31180"));
    }

    @Test
    void environmentIsThisJdkTheStacksFixedHeapTheBootstrapAdminAndTheConsolesOrigin() {
        StackConfig config = StackConfig.defaults(tmp).withPortOffset(100);
        assertEquals(
                Map.of(
                        "JAVA_HOME",
                        System.getProperty("java.home"),
                        "JAVA_OPTS_KC_HEAP",
                        "-Xms512m -Xmx512m -XX:+AlwaysPreTouch",
                        "KC_BOOTSTRAP_ADMIN_USERNAME",
                        "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD",
                        "admin",
                        "LOYALTY_CONSOLE_ORIGIN",
                        "http://localhost:8180"),
                KeycloakNode.environment(config));
    }

    @Test
    void realmIsCopiedIntoTheImportDirectory() throws Exception {
        Path home = tmp.resolve("dist");
        node(0).installRealm(home);
        try (InputStream in = KeycloakNode.class.getResourceAsStream(KeycloakNode.REALM_RESOURCE)) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(home.resolve("data/import/loyalty-realm.json")));
        }
    }

    @Test
    void theBuiltDistributionWinsOverTheOneInM2() throws Exception {
        Path m2 = tmp.resolve("m2");
        String version = KeycloakNode.launcherProperty("keycloak.version");
        assertTrue(version.matches("\\d+\\.\\d+.*"), version);
        Path inM2 = m2.resolve(
                "org/keycloak/keycloak-quarkus-dist/" + version + "/keycloak-quarkus-dist-" + version + ".zip");
        Files.createDirectories(inM2.getParent());
        Files.writeString(inM2, "");
        assertEquals(inM2, KeycloakNode.distribution(tmp, m2));

        Path built = tmp.resolve("launcher/target/keycloak/keycloak-quarkus-dist.zip");
        Files.createDirectories(built.getParent());
        Files.writeString(built, "");
        assertEquals(built, KeycloakNode.distribution(tmp, m2));
    }

    @Test
    void aMissingDistributionIsOneLine() {
        StackException e = assertThrows(StackException.class, () -> KeycloakNode.distribution(tmp, tmp.resolve("m2")));
        assertTrue(e.getMessage().startsWith("the Keycloak distribution is missing ("), e.getMessage());
        assertTrue(
                e.getMessage().endsWith("keycloak-quarkus-dist.zip): run ./mvnw package -DskipTests"), e.getMessage());
    }

    @Test
    void unpacksOnceIntoTheStateDirectory() throws Exception {
        Path zip = tmp.resolve("keycloak-quarkus-dist.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry e = new ZipArchiveEntry("keycloak-26.0.0/bin/kc.sh");
            e.setUnixMode(0100755);
            out.putArchiveEntry(e);
            out.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        KeycloakNode node = node(0);

        Path home = node.unpack(zip);

        assertEquals(tmp.resolve("state/keycloak/dist"), home);
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
        assertEquals(2, progress.size(), progress.toString());
        assertEquals("  keycloak           unpacking keycloak-quarkus-dist.zip (first start) ...", progress.get(0));
        assertTrue(progress.get(1).startsWith("  keycloak           unpacked in "), progress.get(1));
        assertTrue(Files.notExists(tmp.resolve("state/keycloak/dist.tmp")));

        Files.writeString(home.resolve("bin/kc.sh"), "changed by the test\n");
        assertEquals(home, node.unpack(zip));
        assertEquals(2, progress.size(), "unpacked a second time: " + progress);
        assertEquals("changed by the test\n", Files.readString(home.resolve("bin/kc.sh")));
    }
}
