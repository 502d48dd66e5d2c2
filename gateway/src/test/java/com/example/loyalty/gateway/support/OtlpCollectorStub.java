package com.example.loyalty.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for an OpenTelemetry collector: an HTTP server on a free port that takes OTLP over HTTP
 * ({@code POST /v1/traces}, protobuf) and keeps the bodies. Points the gateway's OTLP traces endpoint at itself.
 */
public class OtlpCollectorStub implements QuarkusTestResourceLifecycleManager {

    /** The bodies of the export requests received so far. */
    public static final List<Buffer> EXPORTS = new CopyOnWriteArrayList<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server;
        try {
            server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> {
                        if (request.path().equals("/v1/traces")) {
                            EXPORTS.add(body);
                        }
                        request.response()
                                .putHeader("Content-Type", "application/x-protobuf")
                                .end();
                    }))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("OTLP collector stub did not start", e);
        }
        return Map.of(
                "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:" + server.actualPort(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "100ms");
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
