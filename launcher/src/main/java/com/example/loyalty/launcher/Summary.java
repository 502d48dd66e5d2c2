package com.example.loyalty.launcher;

import com.example.loyalty.launcher.io.Display;
import com.example.loyalty.launcher.node.ServiceFleet;
import java.time.Duration;

/** What `loyalty up` prints once the stack is ready. */
final class Summary {

    private Summary() {}

    static String text(StackConfig c, Duration startup) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "The loyalty stack is ready (%.1f s). Press Ctrl-C to stop it.%n%n", startup.toMillis() / 1000.0));
        if (!c.infraOnly()) {
            row(b, "Gateway", c.gatewayUrl());
            row(b, "Swagger UI", c.gatewayUrl() + "/q/swagger-ui");
            String management = c.managementUrl(c.gatewayPort());
            row(b, "Gateway health, metrics", management + "/q/health   " + management + "/q/metrics");
        }
        row(
                b,
                "Keycloak admin console",
                c.keycloakUrl() + "/admin   (" + Stack.KEYCLOAK_ADMIN + " / " + Stack.KEYCLOAK_ADMIN_PASSWORD + ")");
        row(b, "Token issuer", c.issuerUrl());
        if (!c.infraOnly()) {
            for (StackConfig.ServiceSpec s : c.services()) {
                if (s.database() != null) {
                    row(
                            b,
                            s.name(),
                            c.serviceUrl(s.port()) + "   (health, metrics: " + c.managementUrl(s.port()) + ")");
                }
            }
        }
        row(b, "Kafka", c.kafkaBootstrapServers());
        row(
                b,
                "PostgreSQL",
                c.jdbcUrl("{" + String.join(",", Stack.DATABASES) + "}") + "   (" + Stack.DB_USER + " / "
                        + Stack.DB_PASSWORD + ")");
        row(b, "Logs", Display.path(c.stateDir().resolve("logs")) + "/");
        if (!c.infraOnly()) {
            row(
                    b,
                    "Traces",
                    ServiceFleet.otlpEndpoint(System.getenv())
                            .map(url -> "exported over OTLP to " + url)
                            .orElse("not exported (" + ServiceFleet.OTLP_ENDPOINT_VARIABLE
                                    + "=http://localhost:4317 sends them to a collector)"));
        }
        b.append(String.format("%nDemo logins (password = user name, client loyalty-app):%n"));
        b.append("  member1, member2 (member)   staff1 (staff)   marketer1 (marketer)   admin1 (admin)\n");
        b.append(String.format("%nGet an access token:%n"));
        b.append(
                "  curl -s -d grant_type=password -d client_id=loyalty-app -d username=member1 -d password=member1 \\\n");
        b.append("    ").append(c.tokenUrl()).append('\n');
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(String.format("  %-24s %s%n", name, value));
    }
}
