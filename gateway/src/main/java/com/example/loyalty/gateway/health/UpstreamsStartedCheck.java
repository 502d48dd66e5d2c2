package com.example.loyalty.gateway.health;

import com.example.loyalty.gateway.config.GatewayConfig;
import com.example.loyalty.gateway.config.Upstream;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Readiness of the gateway ({@code upstreams-started}): DOWN until every service behind it
 * ({@code gateway.upstreams.*}) has answered 200 on its own {@code /q/health/ready} at least once since the
 * gateway started, UP from then on, for good. A service's readiness is on its management interface, not its API port
 * ({@code gateway.readiness.upstreams.*}, see {@link Upstream#managementInterfaces}).
 * <p>
 * Why wait at all: the gateway is up in a second, the services take about 20 s longer (database migrations,
 * Kafka). Whoever waits on the gateway's readiness (a script, {@code ./loyalty up}, the end-to-end tests) would
 * otherwise send its first requests into 503s. Not in production (the {@code prod} profile turns it off): in Kubernetes
 * each service's own readiness decides whether its Service sends it traffic, and its management port is open to the
 * monitoring namespace only.
 * <p>
 * Why only once: after every service has been seen ready, a service that goes down later is answered per
 * request, with a 503/502/504 problem for its own routes only, while the other services keep being served. Taking
 * the gateway out of rotation instead would turn one service's outage into an outage of all of them, on every
 * gateway replica at once, and flap with that service's health.
 * <p>
 * How: a periodic Vert.x timer on Quarkus' Vert.x asks the services not seen ready yet (non-blocking
 * {@link HttpClient}, at most one probe per service in flight, each bounded by
 * {@code gateway.readiness.probe-timeout}) and stops, closing its client, once all have answered 200.
 * {@link #call()} only reads that state and never calls a service. Its data names the services still awaited,
 * never their URLs. {@code gateway.readiness.await-upstreams=false} reports UP at once.
 */
@Readiness
@ApplicationScoped
public class UpstreamsStartedCheck implements HealthCheck {

    static final String NAME = "upstreams-started";
    static final String READY_PATH = "/q/health/ready";

    private static final Logger LOG = Logger.getLogger(UpstreamsStartedCheck.class);

    private final Vertx vertx;
    private final List<Upstream> upstreams;
    private final long pollIntervalMillis;
    private final long probeTimeoutMillis;
    /** Names of the upstreams not seen ready yet; only ever shrinks. */
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();
    /** Names of the upstreams with a probe under way. */
    private final Set<String> probing = ConcurrentHashMap.newKeySet();

    private volatile HttpClient client;
    private long timerId = -1;
    private volatile long startedAt;

    @Inject
    public UpstreamsStartedCheck(Vertx vertx, GatewayConfig config) {
        this(
                vertx,
                Upstream.managementInterfaces(config.upstreams(), config.readiness()),
                config.readiness().awaitUpstreams(),
                config.readiness().pollInterval(),
                config.readiness().probeTimeout());
    }

    UpstreamsStartedCheck(
            Vertx vertx,
            List<Upstream> upstreams,
            boolean awaitUpstreams,
            Duration pollInterval,
            Duration probeTimeout) {
        if (pollInterval.toMillis() < 1 || probeTimeout.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "gateway.readiness.poll-interval and gateway.readiness.probe-timeout must be at least 1 ms");
        }
        this.vertx = vertx;
        this.upstreams = List.copyOf(upstreams);
        this.pollIntervalMillis = pollInterval.toMillis();
        this.probeTimeoutMillis = probeTimeout.toMillis();
        if (awaitUpstreams) {
            upstreams.forEach(upstream -> awaited.add(upstream.name()));
        }
    }

    @Override
    public HealthCheckResponse call() {
        List<String> waiting = stillAwaited();
        if (waiting.isEmpty()) {
            return HealthCheckResponse.up(NAME);
        }
        return HealthCheckResponse.named(NAME)
                .down()
                .withData("awaiting", String.join(",", waiting))
                .build();
    }

    /** The upstreams not seen ready yet, in configuration order. */
    List<String> stillAwaited() {
        return upstreams.stream().map(Upstream::name).filter(awaited::contains).toList();
    }

    synchronized void start(@Observes StartupEvent event) {
        if (awaited.isEmpty() || timerId != -1) {
            return;
        }
        LOG.infof(
                "Readiness is DOWN until %s have answered 200 on %s once",
                String.join(", ", stillAwaited()), READY_PATH);
        startedAt = System.nanoTime();
        // a handful of probes, closed once all upstreams have answered: no connections kept open for them
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        // the first round right away, then one per interval until every upstream has been seen ready
        timerId = vertx.setPeriodic(1, pollIntervalMillis, id -> poll());
    }

    /** Runs on the timer's event loop; so do the completions of the probes it sends. */
    private void poll() {
        for (Upstream upstream : upstreams) {
            String name = upstream.name();
            if (!awaited.contains(name) || !probing.add(name)) {
                continue;
            }
            probe(upstream).onComplete(result -> {
                probing.remove(name);
                if (result.succeeded() && result.result() == 200) {
                    seenReady(name);
                } else if (LOG.isDebugEnabled()) {
                    LOG.debugf(
                            "Upstream '%s' is not ready yet: %s",
                            name,
                            result.succeeded()
                                    ? "status " + result.result()
                                    : result.cause().toString());
                }
            });
        }
    }

    private Future<Integer> probe(Upstream upstream) {
        HttpClient current = client;
        if (current == null) {
            return Future.failedFuture("stopped");
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + READY_PATH)
                .setConnectTimeout(probeTimeoutMillis)
                .setIdleTimeout(probeTimeoutMillis);
        return current.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    private void seenReady(String name) {
        if (!awaited.remove(name)) {
            return;
        }
        LOG.infof("Upstream '%s' is ready", name);
        if (awaited.isEmpty()) {
            LOG.infof(
                    "Every upstream has been ready once, after %.1f s: readiness is UP from now on; a service "
                            + "that goes down later is answered with 503 per request",
                    (System.nanoTime() - startedAt) / 1e9);
            stop();
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (timerId != -1) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
