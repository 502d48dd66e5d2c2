package com.example.loyalty.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky embedded binaries) on a free loopback port, with a fresh database for the test
 * run. Usage: {@code @QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)}. With
 * the init argument {@code proxied=true} the service reaches the database through a {@link TcpProxy}
 * ({@link #proxy()}), so a test can take the database away and bring it back.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "loyalty_test";
    private static volatile TcpProxy proxy;

    private EmbeddedPostgres postgres;
    private boolean proxied;

    @Override
    public void init(Map<String, String> initArgs) {
        proxied = Boolean.parseBoolean(initArgs.getOrDefault("proxied", "false"));
    }

    /** The proxy between the service and the database; only with {@code proxied=true}. */
    public static TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("PostgresResource was not started with proxied=true");
        }
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
        int port = postgres.getPort();
        if (proxied) {
            proxy = new TcpProxy(port);
            port = proxy.port();
        }
        String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                // server log lines (e.g. the unique violations that idempotency tests provoke on purpose)
                "quarkus.log.category.\"io.zonky.test.db.postgres\".level", "WARN");
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
