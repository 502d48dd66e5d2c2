package com.example.loyalty.observability.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterRuntimeConfig;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Where spans go while no OTLP endpoint is configured: nowhere. Quarkus' OpenTelemetry extension would otherwise send
 * them to its default endpoint, {@code http://localhost:4317/}, and log a failure every few seconds when nothing
 * listens there (the local stack, the tests). Its own switches cannot say "propagate, but do not export" at run time:
 * the exporter kind is fixed at build time, an empty endpoint falls back to the default, and
 * {@code quarkus.otel.sdk.disabled=true} also stops the propagation of the trace context.
 * <p>
 * So this exporter is a CDI bean that can be looked up only while the traces endpoint is Quarkus' default (it is when
 * neither {@code quarkus.otel.exporter.otlp.endpoint} nor {@code quarkus.otel.exporter.otlp.traces.endpoint} is set;
 * the second falls back to the first). While it can be looked up, Quarkus installs no OTLP exporter and spans end
 * here; once an endpoint is set (env {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}), it is out of the way and Quarkus
 * exports there. A collector on this machine is therefore given as {@code http://localhost:4317}, without the final
 * slash of the default. Spans are created either way, so the W3C context reaches the services behind the gateway, the
 * outbox and the Kafka headers, and the logs carry trace ids.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = UnexportedSpans.TRACES_ENDPOINT, stringValue = UnexportedSpans.DEFAULT_ENDPOINT)
public class UnexportedSpans implements SpanExporter {

    /** The endpoint traces are exported to: its own setting, else {@code quarkus.otel.exporter.otlp.endpoint}. */
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    /** The value Quarkus gives the endpoint when none is set. */
    static final String DEFAULT_ENDPOINT = OtlpExporterRuntimeConfig.DEFAULT_GRPC_BASE_URI;

    /** Whether {@code endpoint} is a configured one, not Quarkus' default. */
    static boolean isConfigured(String endpoint) {
        return endpoint != null && !endpoint.isBlank() && !DEFAULT_ENDPOINT.equals(endpoint.trim());
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public String toString() {
        return "UnexportedSpans (no OTLP endpoint configured)";
    }
}
