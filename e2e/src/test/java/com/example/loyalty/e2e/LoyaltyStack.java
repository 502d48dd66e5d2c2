package com.example.loyalty.e2e;

import com.example.loyalty.launcher.Stack;
import com.example.loyalty.launcher.StackConfig;
import com.example.loyalty.testing.contract.ContractValidation;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real stack once per test JVM, from the packaged modules of this build: embedded PostgreSQL,
 * a Kafka KRaft broker, Keycloak with the repository's realm, the four services and the gateway. Ports
 * are the defaults moved by {@link #PORT_OFFSET} so a developer's own {@code ./loyalty up} can keep
 * running; state lives in {@code e2e/target/stack} and starts empty. Stopped when the JVM's tests end.
 */
public final class LoyaltyStack implements BeforeAllCallback {

    /**
     * Moves every port below Linux's ephemeral range (32768 and up), so an outgoing connection of a test or a
     * service can never hold a port the stack is about to listen on. System property {@code loyalty.e2e.port-offset}
     * moves it, so two stacks can run on one machine (10000, 12000 and 14000 never overlap).
     */
    public static final int PORT_OFFSET = Integer.getInteger("loyalty.e2e.port-offset", 10000);

    private static Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LoyaltyStack.class) {
            if (stack == null) {
                Path repo = Path.of(System.getProperty("loyalty.repo", ".."));
                Path state = Path.of(System.getProperty("loyalty.e2e.state", "target/stack"));
                StackConfig config = StackConfig.defaults(repo)
                        .withStateDir(state)
                        .withPortOffset(PORT_OFFSET)
                        .withFresh(true);
                stack = Stack.start(config, line -> System.out.println("[stack] " + line));
                System.out.printf(
                        "[stack] ready in %.1f s%n", stack.startupTime().toMillis() / 1000.0);
                // a call to /api/<name>/**, through the gateway or straight to a service, is checked against the
                // document of the service the gateway routes it to (ContractValidationExtension turns it on)
                for (StackConfig.ServiceSpec service : config.services()) {
                    if (service.database() != null) {
                        ContractValidation.route(
                                "/api/" + service.database() + "/", config.serviceUrl(service.port()) + "/q/openapi");
                    }
                }
                context.getRoot()
                        .getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(LoyaltyStack.class.getName(), (ExtensionContext.Store.CloseableResource)
                                LoyaltyStack::stop);
            }
        }
    }

    private static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    public static StackConfig config() {
        if (stack == null) {
            throw new IllegalStateException(
                    "the stack is not started: annotate the test with @ExtendWith(LoyaltyStack.class)");
        }
        return stack.config();
    }

    /** The running stack itself, for tests that take parts of it away ({@link Stack#killProcess} and the like). */
    public static Stack stack() {
        if (stack == null) {
            throw new IllegalStateException(
                    "the stack is not started: annotate the test with @ExtendWith(LoyaltyStack.class)");
        }
        return stack;
    }

    /** Requests to the gateway, JSON in and out, as {@code user} (password grant against Keycloak). */
    public static RequestSpecification as(String user) {
        return anonymous().auth().oauth2(Tokens.accessToken(config(), user));
    }

    /** The points balance of demo user {@code user} (a member), as {@code GET /api/points/members/me} answers it. */
    public static long balance(String user) {
        return as(user).get("/api/points/members/me")
                .then()
                .statusCode(200)
                .extract()
                .<Number>path("balance")
                .longValue();
    }

    /** Requests to the gateway without a token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given(new RequestSpecBuilder()
                .setBaseUri(config().gatewayUrl())
                .setContentType(ContentType.JSON)
                .setAccept(ContentType.JSON)
                .build());
    }
}
