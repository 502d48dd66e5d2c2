package com.example.loyalty.gateway.support;

import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the four services: a Vert.x HTTP server on a free port that answers every request
 * with a JSON echo of method, path, query, headers (lower-case names) and body, and records it.
 * <ul>
 * <li>{@code ?status=409} answers with that status, {@code ?delayMs=2000} answers late, {@code ?reset=true} records
 * the request and closes the connection without an answer (a service that died while it worked on it);</li>
 * <li>every answer carries {@code X-Stub: echo} and {@code Access-Control-Allow-Origin: *} (which the
 * gateway must not pass on);</li>
 * <li>{@code GET /__stub/requests?requestId=...} lists the recorded requests with that X-Request-Id,
 * so a test can prove a request never reached a service;</li>
 * <li>{@code GET /q/health/ready}, the gateway's readiness probe, is neither echoed nor recorded: it answers the
 * readiness status, 200 unless the init arg {@code readiness} says otherwise (e.g. {@code 503});
 * {@code PUT /__stub/readiness?status=200} changes it, {@code GET /__stub/readiness} tells the status and
 * how many probes came;</li>
 * <li>{@code POST /__stub/stop} closes the stub: from then on every upstream pointing at it is unreachable.</li>
 * </ul>
 * All {@code gateway.upstreams.*} and {@code gateway.readiness.upstreams.*} (the services' management interfaces) point
 * at it, except the names given in the init arg {@code unreachable} (comma-separated), which point at a port nobody
 * listens on.
 */
public class StubUpstreamResource implements QuarkusTestResourceLifecycleManager {

    public static final String STUB_URL = "test.stub.url";

    private final List<JsonObject> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger readinessProbes = new AtomicInteger();
    private volatile int readinessStatus = SC_OK;
    private List<String> unreachable = List.of();
    private Vertx vertx;
    private HttpServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.getOrDefault("unreachable", "");
        unreachable = names.isBlank() ? List.of() : List.of(names.split(","));
        readinessStatus = Integer.parseInt(initArgs.getOrDefault("readiness", String.valueOf(SC_OK)));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer()
                    .requestHandler(this::handle)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        String deadUrl = "http://127.0.0.1:" + unusedPort();
        Map<String, String> config = new HashMap<>();
        config.put(STUB_URL, url);
        for (String name : List.of("points", "surveys", "metrics", "community")) {
            config.put("gateway.upstreams." + name, unreachable.contains(name) ? deadUrl : url);
            // the stub is the services' management interface too: it answers their /q/health/ready
            config.put("gateway.readiness.upstreams." + name, unreachable.contains(name) ? deadUrl : url);
        }
        return config;
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (request.path().equals("/__stub/requests")) {
                String requestId = request.getParam("requestId");
                JsonArray matching = new JsonArray();
                recorded.stream()
                        .filter(r -> requestId == null
                                || requestId.equals(r.getJsonObject("headers").getString("x-request-id")))
                        .forEach(matching::add);
                request.response().putHeader("Content-Type", "application/json").end(matching.toBuffer());
                return;
            }
            if (request.path().equals("/q/health/ready")) {
                readinessProbes.incrementAndGet();
                int status = readinessStatus;
                request.response()
                        .setStatusCode(status)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("status", status == SC_OK ? "UP" : "DOWN")
                                .toBuffer());
                return;
            }
            if (request.path().equals("/__stub/readiness")) {
                if (request.method() == HttpMethod.PUT) {
                    readinessStatus = Integer.parseInt(request.getParam("status"));
                }
                request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("status", readinessStatus)
                                .put("probes", readinessProbes.get())
                                .toBuffer());
                return;
            }
            if (request.path().equals("/__stub/stop")) {
                request.response().setStatusCode(SC_NO_CONTENT).end().onComplete(ended -> server.close());
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers()
                    .names()
                    .forEach(name -> headers.put(
                            name.toLowerCase(),
                            String.join(",", request.headers().getAll(name))));
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body", body.toString());
            recorded.add(echo);
            if (Boolean.parseBoolean(request.getParam("reset"))) {
                request.connection().close();
                return;
            }
            int status = request.getParam("status") == null ? SC_OK : Integer.parseInt(request.getParam("status"));
            long delay = request.getParam("delayMs") == null ? 0 : Long.parseLong(request.getParam("delayMs"));
            Runnable answer = () -> request.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Stub", "echo")
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .end(echo.toBuffer());
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
        }
    }
}
