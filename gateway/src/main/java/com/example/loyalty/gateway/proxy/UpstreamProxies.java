package com.example.loyalty.gateway.proxy;

import com.example.loyalty.gateway.config.GatewayConfig;
import com.example.loyalty.gateway.config.Upstream;
import com.example.loyalty.gateway.web.RequestLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One Vert.x {@link HttpProxy} per service and route kind, all sharing one pooled {@link HttpClient}
 * on Quarkus' Vert.x instance. The proxy streams method, URI (path and query unchanged), headers
 * (minus hop-by-hop ones) and body to the service and its status, headers and body back. Each call is an
 * OpenTelemetry client span of the request's trace, whose {@code traceparent} the service gets
 * ({@link TraceHeaderInterceptor}).
 */
@ApplicationScoped
public class UpstreamProxies {

    private static final Logger LOG = Logger.getLogger(UpstreamProxies.class);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final RequestLimits limits;
    private HttpClient client;

    public UpstreamProxies(Vertx vertx, GatewayConfig config, RequestLimits limits) {
        this.vertx = vertx;
        this.config = config;
        this.limits = limits;
    }

    /** {@code /api/<name>/**} → {@code <base>/api/<name>/**}, per upstream name. */
    public synchronized Map<Upstream, HttpProxy> apiProxies() {
        Map<Upstream, HttpProxy> proxies = new LinkedHashMap<>();
        for (Upstream upstream : Upstream.all(config.upstreams())) {
            HttpProxy proxy = newProxy(upstream);
            if (!upstream.basePath().isEmpty()) {
                proxy.addInterceptor(new UriRewriteInterceptor(uri -> upstream.basePath() + uri));
            }
            proxies.put(upstream, proxy);
            LOG.infof(
                    "Routing %s/** to %s://%s:%d%s",
                    upstream.apiPrefix(),
                    upstream.ssl() ? "https" : "http",
                    upstream.host(),
                    upstream.port(),
                    upstream.basePath());
        }
        return proxies;
    }

    /** {@code GET /openapi/<name>} → {@code <base>/q/openapi} (query kept, e.g. {@code ?format=json}). */
    public synchronized Map<Upstream, HttpProxy> openApiProxies() {
        Map<Upstream, HttpProxy> proxies = new LinkedHashMap<>();
        for (Upstream upstream : Upstream.all(config.upstreams())) {
            HttpProxy proxy = newProxy(upstream).addInterceptor(new UriRewriteInterceptor(uri -> {
                int query = uri.indexOf('?');
                return upstream.basePath() + "/q/openapi" + (query < 0 ? "" : uri.substring(query));
            }));
            proxies.put(upstream, proxy);
        }
        return proxies;
    }

    private HttpProxy newProxy(Upstream upstream) {
        long responseTimeout = config.proxy().responseTimeout().toMillis();
        return HttpProxy.reverseProxy(client())
                .origin(context -> context.client()
                        .request(new RequestOptions()
                                .setHost(upstream.host())
                                .setPort(upstream.port())
                                .setSsl(upstream.ssl())
                                .setIdleTimeout(responseTimeout)))
                // first added = outermost: sees every failure of the ones after it
                .addInterceptor(new UpstreamFailureInterceptor(
                        upstream.name(), config.proxy().unavailableRetryAfter()))
                .addInterceptor(new BodyLimitInterceptor(limits))
                .addInterceptor(new ResponseHeaderFilter())
                .addInterceptor(new TraceHeaderInterceptor());
    }

    private HttpClient client() {
        if (client == null) {
            HttpClientOptions options = new HttpClientOptions()
                    .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                    .setKeepAlive(true)
                    // bodies pass through as they are (compressed or not)
                    .setDecompressionSupported(false);
            client = vertx.createHttpClient(
                    options, new PoolOptions().setHttp1MaxSize(config.proxy().maxConnectionsPerUpstream()));
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
