package com.example.loyalty.bench.load;

import java.util.Map;

/**
 * What one path did in its timed window.
 *
 * @param path       what was called, e.g. {@code earn}
 * @param via        {@code gateway} or {@code direct} (straight to the service)
 * @param clients    closed-loop clients
 * @param seconds    length of the timed window
 * @param ok         2xx answers in the window
 * @param errors     other answers and failures in the window
 * @param tps        ok answers per second
 * @param p50Ms      median latency (ms)
 * @param p99Ms      99th percentile latency (ms)
 * @param meanMs     mean latency (ms)
 * @param statuses   answers by HTTP status (-1: no answer)
 * @param firstError the first error seen, for the report
 * @param cpuMillis  CPU milliseconds used in the window, by process (empty where /proc is not there)
 */
public record PathResult(
        String path,
        String via,
        int clients,
        double seconds,
        long ok,
        long errors,
        double tps,
        double p50Ms,
        double p99Ms,
        double meanMs,
        Map<Integer, Long> statuses,
        String firstError,
        Map<String, Double> cpuMillis) {

    /** CPU milliseconds per answered request, by process, and in all (key {@code total}). */
    public Map<String, Double> cpuPerRequest() {
        Map<String, Double> per = new java.util.TreeMap<>();
        long answered = ok + errors;
        if (answered == 0) {
            return per;
        }
        cpuMillis.forEach((k, v) -> per.put(k, v / answered));
        per.put(
                "total",
                cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum() / answered);
        return per;
    }

    /** {@link #cpuPerRequest()} as one line, largest first: "total 4.02, points-service 1.44, postgres 1.06, ...". */
    public static String describe(Map<String, Double> perRequest) {
        if (perRequest.isEmpty()) {
            return "not measured";
        }
        return perRequest.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.005)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
