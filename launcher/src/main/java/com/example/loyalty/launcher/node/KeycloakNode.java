package com.example.loyalty.launcher.node;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.launcher.StackException;
import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.io.FileTrees;
import com.example.loyalty.launcher.io.Unzip;
import com.example.loyalty.launcher.net.HttpProbe;
import com.example.loyalty.launcher.process.Child;
import com.example.loyalty.launcher.process.JvmHeap;
import com.example.loyalty.launcher.process.Supervisor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Keycloak: the {@code keycloak-quarkus-dist} zip unpacked once into {@code <state>/keycloak/dist}, run in
 * development mode ({@code kc.sh start-dev}) with the repository's realm imported. It is by far the slowest
 * component, so it is {@link #launch launched} first and {@link #await awaited} after the others have started.
 */
public final class KeycloakNode {

    public static final String NAME = "keycloak";
    /** The realm imported at every start, a resource of the launcher jar. */
    public static final String REALM_RESOURCE = "/keycloak/loyalty-realm.json";

    static final String UNPACKED_MARKER = ".loyalty-unpacked";
    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    private final StackConfig config;
    private final Supervisor supervisor;
    private final HttpProbe http;
    private final Consumer<String> progress;

    public KeycloakNode(StackConfig config, Supervisor supervisor, HttpProbe http, Consumer<String> progress) {
        this.config = config;
        this.supervisor = supervisor;
        this.http = http;
        this.progress = progress;
    }

    /** The distribution zip: the one the build copied into {@code launcher/target/keycloak}, else the one in ~/.m2. */
    public static Path distribution(Path repoRoot) {
        return distribution(repoRoot, Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    static Path distribution(Path repoRoot, Path m2Repository) {
        Path built = repoRoot.resolve("launcher/target/keycloak/keycloak-quarkus-dist.zip");
        if (Files.isRegularFile(built)) {
            return built;
        }
        String version = launcherProperty("keycloak.version");
        Path m2 = m2Repository.resolve(Path.of(
                "org", "keycloak", "keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip"));
        if (Files.isRegularFile(m2)) {
            return m2;
        }
        throw new StackException(
                "the Keycloak distribution is missing (" + Display.path(built) + "): run ./mvnw package -DskipTests");
    }

    /**
     * The Keycloak home, unpacked from {@code zip} unless the same zip (name and size) was unpacked before. Unpacks
     * into {@code dist.tmp} and renames it, so that an interrupted unpack is never taken for a finished one.
     */
    public Path unpack(Path zip) {
        Path base = config.stateDir().resolve("keycloak");
        Path home = base.resolve("dist");
        Path marker = home.resolve(UNPACKED_MARKER);
        String stamp = zip.getFileName() + " " + FileTrees.size(zip);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(stamp)) {
                return home;
            }
            long t0 = System.nanoTime();
            progress.accept(Display.line(NAME, "unpacking " + zip.getFileName() + " (first start) ..."));
            Path tmp = base.resolve("dist.tmp");
            FileTrees.deleteTree(tmp);
            FileTrees.deleteTree(home);
            Unzip.extractWithoutTopDirectory(zip, tmp, supervisor::checkNotStopping);
            Files.writeString(tmp.resolve(UNPACKED_MARKER), stamp + "\n");
            Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(Display.line(NAME, String.format("unpacked in %.1f s", Display.seconds(t0))));
            return home;
        } catch (IOException e) {
            throw new StackException(
                    "cannot unpack " + Display.path(zip) + " into " + Display.path(base) + ": " + e.getMessage(), e);
        }
    }

    /** Copies the realm into {@code home}'s import directory and starts Keycloak; {@link #await} waits for it. */
    public Child launch(Path home) {
        return launch(home, supervisor.openLog(NAME));
    }

    /**
     * Starts Keycloak again after {@link #stop()}, writing on in its log. Its development database (H2 under
     * {@code home}) keeps the realm, its users and its signing keys, so tokens issued before stay valid.
     */
    public Child launchAgain(Path home) {
        return launch(home, supervisor.appendLog(NAME));
    }

    /** Stops Keycloak (SIGTERM to {@code kc.sh} and its JVM, then SIGKILL after 20 s); the stack stays up. */
    public void stop() {
        supervisor.stop(NAME, Duration.ofSeconds(20));
    }

    private Child launch(Path home, Path log) {
        supervisor.checkNotStopping();
        installRealm(home);
        return supervisor.launch(NAME, command(home), environment(config), home, log, Child.Kind.INFRA);
    }

    /** Waits until Keycloak's readiness answers 200 and reports it ready, timed from {@code t0}. */
    public void await(Child keycloak, long t0) {
        String health = "http://localhost:" + config.keycloakManagementPort() + "/health/ready";
        supervisor.awaitReady(keycloak, TIMEOUT, () -> http.ok(health));
        progress.accept(Display.ready(NAME, t0, config.keycloakUrl() + " (realm " + Stack.REALM + ")"));
    }

    void installRealm(Path home) {
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            try (InputStream in = KeycloakNode.class.getResourceAsStream(REALM_RESOURCE)) {
                if (in == null) {
                    throw new StackException(REALM_RESOURCE + " is missing from the launcher jar");
                }
                Files.copy(in, importDir.resolve("loyalty-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StackException("cannot copy the realm into " + Display.path(home) + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code kc.sh start-dev} with the same build options every time (a change re-runs Keycloak's build step, about
     * 25 s); only the runtime options (ports, hostname) follow the configuration.
     */
    List<String> command(Path home) {
        return List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + config.keycloakPort(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--health-enabled=true",
                "--import-realm",
                "--hostname=" + config.keycloakUrl());
    }

    /**
     * The JVM of this launcher, the stack's fixed {@link JvmHeap}, the bootstrap admin, and the console's origin (the
     * gateway's), which the realm file names as the one web origin of {@code loyalty-app} ({@code
     * ${LOYALTY_CONSOLE_ORIGIN}}), so that the console's browser calls to Keycloak pass CORS whatever the port offset.
     */
    static Map<String, String> environment(StackConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", JvmHeap.asLine());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", Stack.KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", Stack.KEYCLOAK_ADMIN_PASSWORD);
        env.put("LOYALTY_CONSOLE_ORIGIN", config.gatewayUrl());
        return env;
    }

    /** A value of {@code launcher.properties} (versions filled in by the build), "" when missing. */
    static String launcherProperty(String key) {
        Properties p = new Properties();
        try (InputStream in = KeycloakNode.class.getResourceAsStream("/launcher.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // defaults below
        }
        return p.getProperty(key, "");
    }
}
