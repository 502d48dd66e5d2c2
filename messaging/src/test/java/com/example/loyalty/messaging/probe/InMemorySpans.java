package com.example.loyalty.messaging.probe;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the probe application's finished spans in memory, for the tracing tests to read: a CDI span exporter, which
 * Quarkus' OpenTelemetry extension exports to beside the tracing module's UnexportedSpans (no OTLP endpoint in tests).
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
