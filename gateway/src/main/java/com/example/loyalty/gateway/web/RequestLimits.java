package com.example.loyalty.gateway.web;

import com.example.loyalty.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The limits of {@code gateway.limits} as the handlers use them: the body limit of a path, the URL and header sizes. */
@ApplicationScoped
public class RequestLimits {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);

    /** A body limit of its own for the paths under {@code prefix}. */
    record BodyRoute(String name, String prefix, long maxBytes) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    private final int maxUrlLength;
    private final long maxHeaderBytes;
    private final long defaultMaxBodyBytes;
    private final List<BodyRoute> bodyRoutes;

    public RequestLimits(GatewayConfig config) {
        GatewayConfig.Limits limits = config.limits();
        this.maxUrlLength = limits.maxUrlLength();
        this.maxHeaderBytes = limits.maxHeaderSize().asLongValue();
        this.defaultMaxBodyBytes = limits.maxBodySize().asLongValue();
        this.bodyRoutes = limits.bodyRoutes().entrySet().stream()
                .map(e -> route(e.getKey(), e.getValue()))
                // longest prefix first: the most specific route wins
                .sorted(Comparator.comparingInt((BodyRoute r) -> r.prefix().length())
                        .reversed())
                .toList();
        LOG.infof(
                "Request limits: URL %d characters, headers %d bytes, body %d bytes%s",
                maxUrlLength,
                maxHeaderBytes,
                defaultMaxBodyBytes,
                bodyRoutes.isEmpty()
                        ? ""
                        : bodyRoutes.stream()
                                .map(r -> ", " + r.prefix() + "/** " + r.maxBytes() + " bytes")
                                .reduce("", String::concat));
    }

    private static BodyRoute route(String name, GatewayConfig.Limits.BodyRoute route) {
        String prefix = route.pathPrefix();
        if (!prefix.startsWith("/") || PathPolicy.violation(prefix) != null) {
            throw new IllegalArgumentException("gateway.limits.body-routes." + name
                    + ".path-prefix must be a plain absolute path, got '" + prefix + "'");
        }
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return new BodyRoute(name, prefix, route.maxBodySize().asLongValue());
    }

    public int maxUrlLength() {
        return maxUrlLength;
    }

    public long maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** The largest body a request to this path may carry, in bytes. */
    public long maxBodyBytes(String path) {
        for (BodyRoute route : bodyRoutes) {
            if (route.matches(path)) {
                return route.maxBytes();
            }
        }
        return defaultMaxBodyBytes;
    }

    /** The body limits by route name, for tests and logs. */
    Map<String, Long> bodyRoutes() {
        return bodyRoutes.stream().collect(java.util.stream.Collectors.toMap(BodyRoute::name, BodyRoute::maxBytes));
    }

    /** The problem detail of a body over {@code limit} bytes. */
    public static String bodyTooLarge(long limit) {
        return "The request body is larger than this path accepts (at most " + limit + " bytes).";
    }
}
