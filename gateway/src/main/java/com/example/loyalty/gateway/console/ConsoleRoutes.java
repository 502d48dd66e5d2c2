package com.example.loyalty.gateway.console;

import com.example.loyalty.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the gateway adds to the console's static files ({@code META-INF/resources}: {@code index.html} and
 * {@code /console/**}, served by Quarkus):
 * <ul>
 *   <li>{@code GET /console/config.json}: where the browser signs in (Keycloak's base URL and realm) and with which
 *       public client, so that one build of the console serves every environment;
 *   <li>security headers on every console page: a Content-Security-Policy that lets scripts come from the gateway
 *       only (the one inline script, the import map of {@code index.html}, by its hash), and lets the page talk to
 *       nothing but the gateway and Keycloak; no framing by other sites; no MIME sniffing; no referrer to others;
 *   <li>{@code Cache-Control: no-cache} on the console and its libraries (see {@link #revalidated}).
 * </ul>
 */
@ApplicationScoped
public class ConsoleRoutes {

    /** Before the static files handler, after the request context and the limits. */
    static final int ORDER = -900;

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

    private final JsonObject config;
    private final String contentSecurityPolicy;

    public ConsoleRoutes(
            GatewayConfig gateway,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") java.util.Optional<URI> oidcServer) {
        URI realm = gateway.console()
                .authServerUrl()
                .or(() -> oidcServer)
                .orElse(URI.create("http://localhost:8180/realms/loyalty"));
        this.config = configOf(realm, gateway.console().clientId());
        this.contentSecurityPolicy = contentSecurityPolicy(origin(realm), inlineScriptHashes(indexHtml()));
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/console/config.json")
                .order(ORDER)
                .handler(ctx -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(config.encode()));
        for (String path : List.of("/", "/index.html", "/console/*", "/silent-check-sso.html")) {
            router.route(path).order(ORDER - 1).handler(this::securityHeaders);
        }
        for (String path : List.of("/webjars/*", "/_static/*")) {
            router.route(path).order(ORDER - 1).handler(ConsoleRoutes::revalidated);
        }
    }

    /**
     * The console's files and its libraries are asked for by paths without a version, so a browser must check them
     * again on every use ({@code no-cache}: a cheap 304 while unchanged) rather than keep a day-old copy across an
     * upgrade, as the static files handler's {@code immutable} would have it. Passes the request on.
     */
    private static void revalidated(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            String current = ctx.response().headers().get(HttpHeaders.CACHE_CONTROL);
            if (current == null || !current.contains("no-store")) {
                ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache");
            }
        });
        ctx.next();
    }

    private void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        revalidated(ctx);
    }

    /** Keycloak's base URL and realm name out of a realm URL ({@code <base>/realms/<realm>}), and the client. */
    static JsonObject configOf(URI realmUrl, String clientId) {
        String url = realmUrl.toString().replaceAll("/+$", "");
        int at = url.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("not a Keycloak realm URL (<base>/realms/<realm>): " + url);
        }
        return new JsonObject()
                .put("url", url.substring(0, at))
                .put("realm", url.substring(at + "/realms/".length()))
                .put("clientId", clientId);
    }

    static String origin(URI url) {
        return url.getScheme() + "://" + url.getAuthority();
    }

    /**
     * The policy: scripts from the gateway and the listed inline scripts; connections to the gateway and Keycloak;
     * images from the gateway and, for card designs, any https address.
     */
    static String contentSecurityPolicy(String keycloakOrigin, List<String> scriptHashes) {
        StringBuilder scripts = new StringBuilder("'self'");
        scriptHashes.forEach(h -> scripts.append(" '").append(h).append('\''));
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src " + scripts,
                "style-src 'self' 'unsafe-inline'",
                // a card design's background image is an https address of the brand's own choosing
                "img-src 'self' data: blob: https:",
                "connect-src 'self' " + keycloakOrigin,
                "frame-src 'self' " + keycloakOrigin,
                "worker-src 'self' blob:",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self' " + keycloakOrigin,
                "frame-ancestors 'self'");
    }

    /** {@code sha256-...} of each inline script of the page, as CSP wants them. */
    static List<String> inlineScriptHashes(String html) {
        List<String> hashes = new ArrayList<>();
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("sha256-" + Base64.getEncoder().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    private static String indexHtml() {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/META-INF/resources/index.html")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
