package com.example.loyalty.common.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one scheme of meter names, {@code loyalty.<service>.<thing>} (Prometheus: {@code loyalty_<service>_<thing>}),
 * for code shared by several services (the outbox relay, the event consumers): the service is the application name
 * without its {@code -service} suffix, e.g. {@code loyalty.points.outbox.pending}. A service's own meters spell the
 * same scheme out in full.
 */
@ApplicationScoped
public class MeterNames {

    private final String prefix;

    public MeterNames(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.prefix = "loyalty." + service(applicationName) + ".";
    }

    /** {@code loyalty.<service>.<thing>}. */
    public String name(String thing) {
        return prefix + thing;
    }

    static String service(String applicationName) {
        String name = applicationName.trim().toLowerCase(Locale.ROOT);
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }
}
