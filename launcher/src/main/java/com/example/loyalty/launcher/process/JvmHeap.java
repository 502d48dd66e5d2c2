package com.example.loyalty.launcher.process;

import java.util.List;

/**
 * The heap every JVM of the local stack runs with (services, gateway, Kafka, Keycloak): a fixed size, taken and
 * touched at start ({@code -Xms} = {@code -Xmx}, {@code -XX:+AlwaysPreTouch}), as a JVM in a container is usually
 * run. A heap that starts small grows toward its maximum in steps, minutes into a steady load, whenever the collector
 * decides it spends too long collecting; its resident memory then climbs by half for no leak at all. With the whole
 * heap resident from the first second, what grows afterwards is what a leak would grow (metaspace, threads, direct
 * buffers, native allocations), and the soak test ({@code e2e} {@code SoakIT}) can tell it from the heap's sizing.
 */
public final class JvmHeap {

    /** The heap of each JVM, in MiB. */
    public static final int MIB = 512;

    private JvmHeap() {}

    /** The options, one per element: {@code -Xms512m -Xmx512m -XX:+AlwaysPreTouch}. */
    public static List<String> options() {
        return List.of("-Xms" + MIB + "m", "-Xmx" + MIB + "m", "-XX:+AlwaysPreTouch");
    }

    /** The same options as one string, for a start script's variable ({@code JAVA_OPTS_KC_HEAP}). */
    public static String asLine() {
        return String.join(" ", options());
    }
}
