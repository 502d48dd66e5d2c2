package com.example.loyalty.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service behind the gateway: {@code /api/<name>/**} goes to {@code <baseUrl>/api/<name>/**} and
 * {@code /openapi/<name>} to {@code <baseUrl>/q/openapi}.
 *
 * @param name     route segment and metric tag, e.g. {@code points}
 * @param host     host of the service
 * @param port     port of the service
 * @param ssl      whether to use TLS
 * @param basePath path prefix of the base URL without trailing slash ({@code ""} for none)
 */
public record Upstream(String name, String host, int port, boolean ssl, String basePath) {

    public static Upstream of(String name, URI baseUrl) {
        return parse("gateway.upstreams." + name, name, baseUrl);
    }

    private static Upstream parse(String property, String name, URI baseUrl) {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(property + " must be an http(s) URL, got '" + baseUrl + "'");
        }
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException(property + " has no host: '" + baseUrl + "'");
        }
        boolean ssl = scheme.equals("https");
        int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : (ssl ? 443 : 80);
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Upstream(name, baseUrl.getHost(), port, ssl, path);
    }

    /** All upstreams of the configuration, in a stable order. */
    public static List<Upstream> all(GatewayConfig.Upstreams config) {
        return List.of(
                of("points", config.points()),
                of("surveys", config.surveys()),
                of("metrics", config.metrics()),
                of("community", config.community()));
    }

    /**
     * The management interfaces of all upstreams, where their readiness is asked, in the order of {@link #all}: the
     * URL set in {@code gateway.readiness.upstreams.<name>}, else the service's own host on the default management
     * port, plain HTTP (Quarkus' management interface has no TLS unless configured).
     */
    public static List<Upstream> managementInterfaces(GatewayConfig.Upstreams api, GatewayConfig.Readiness readiness) {
        GatewayConfig.Readiness.ManagementUrls urls = readiness.upstreams();
        int port = readiness.managementPort();
        return List.of(
                management("points", api.points(), urls.points(), port),
                management("surveys", api.surveys(), urls.surveys(), port),
                management("metrics", api.metrics(), urls.metrics(), port),
                management("community", api.community(), urls.community(), port));
    }

    static Upstream management(String name, URI api, Optional<URI> management, int defaultPort) {
        if (management.isPresent()) {
            return parse("gateway.readiness.upstreams." + name, name, management.get());
        }
        return new Upstream(name, of(name, api).host(), defaultPort, false, "");
    }

    /** Route prefix on the gateway, e.g. {@code /api/points}. */
    public String apiPrefix() {
        return "/api/" + name;
    }
}
