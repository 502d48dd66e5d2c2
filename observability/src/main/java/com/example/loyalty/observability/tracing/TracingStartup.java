package com.example.loyalty.observability.tracing;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Says at start where this process's spans go, so nobody looks for traces a process never sends: to the OTLP endpoint
 * when one is set, else nowhere ({@link UnexportedSpans}); a production start without an endpoint warns.
 */
@ApplicationScoped
public class TracingStartup {

    private static final Logger LOG = Logger.getLogger(TracingStartup.class);

    void onStart(@Observes StartupEvent event, Config config) {
        LOG.info(describe(config));
        if (endpoint(config).isEmpty() && !sdkDisabled(config) && isProd(config)) {
            LOG.warn("tracing: no OTLP endpoint in production: set QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT (ConfigMap "
                    + "loyalty-platform, key otlp-endpoint) to export spans");
        }
    }

    /** One line: propagation on or off, and where spans are exported. */
    static String describe(Config config) {
        if (sdkDisabled(config)) {
            return "tracing: OpenTelemetry SDK disabled (quarkus.otel.sdk.disabled): no spans, no trace context "
                    + "propagated";
        }
        return endpoint(config)
                .map(url -> "tracing: W3C trace context propagated; spans exported over OTLP to " + url)
                .orElse("tracing: W3C trace context propagated; spans not exported (no "
                        + "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT)");
    }

    /** The OTLP endpoint spans go to, if one is configured (Quarkus' default is not one: {@link UnexportedSpans}). */
    static Optional<String> endpoint(Config config) {
        return config.getOptionalValue(UnexportedSpans.TRACES_ENDPOINT, String.class)
                .filter(UnexportedSpans::isConfigured);
    }

    private static boolean sdkDisabled(Config config) {
        return config.getOptionalValue("quarkus.otel.sdk.disabled", Boolean.class)
                .orElse(false);
    }

    private static boolean isProd(Config config) {
        return config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod");
    }
}
