package com.example.loyalty.bench.report;

import com.example.loyalty.bench.db.Invariants;
import com.example.loyalty.bench.db.Pgbench;
import com.example.loyalty.bench.load.PathResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table a benchmark prints and the same numbers as JSON under {@code bench/results/}. */
public final class Report {

    /** One path with the pgbench figure it is compared with. */
    public record Row(long members, PathResult result, String reference, double referenceTps) {
        public double ratio() {
            return referenceTps <= 0 ? Double.NaN : result.tps() / referenceTps;
        }
    }

    /** A target from the issue, and whether this run met it. */
    public record Target(String name, String goal, String measured, boolean met) {}

    private final String scenario;
    private final Map<String, Object> environment = new LinkedHashMap<>();
    private final List<Pgbench.Run> pgbench = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, Invariants.Check> checks = new LinkedHashMap<>();

    public Report(String scenario) {
        this.scenario = scenario;
    }

    public void environment(String key, Object value) {
        environment.put(key, value);
    }

    public void pgbench(Pgbench.Run run) {
        pgbench.add(run);
    }

    public void row(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return rows;
    }

    public void target(Target target) {
        targets.add(target);
    }

    public void checks(Map<String, Invariants.Check> found) {
        checks.putAll(found);
    }

    /** {@code cpu ms/request: total 3.10 = points-service 1.20 + postgres 0.90 + ...}, biggest first. */
    public static String cpuLine(PathResult p) {
        Map<String, Double> per = p.cpuPerRequest();
        if (per.isEmpty()) {
            return "cpu: not measured";
        }
        StringBuilder s = new StringBuilder(String.format("cpu ms/request %.2f =", per.getOrDefault("total", 0.0)));
        per.entrySet().stream()
                .filter(e -> !e.getKey().equals("total") && e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> s.append(String.format(" %s %.2f", e.getKey(), e.getValue())));
        return s.toString();
    }

    public String table() {
        StringBuilder s = new StringBuilder();
        s.append("\n== ").append(scenario).append(" benchmark ==\n");
        environment.forEach((k, v) -> s.append(String.format("%-28s %s%n", k, v)));
        s.append('\n');
        for (Pgbench.Run r : pgbench) {
            s.append(String.format(
                    "pgbench %-12s %3d clients  %9.0f tps  latency avg %6.2f ms%n",
                    r.mode(), r.clients(), r.tps(), r.latencyMs()));
        }
        s.append(String.format(
                "%n%-10s %-16s %-8s %4s %9s %9s %9s %7s  %-24s%n",
                "members", "path", "via", "cli", "tps", "p50 ms", "p99 ms", "errors", "vs pgbench"));
        for (Row r : rows) {
            PathResult p = r.result();
            s.append(String.format(
                    "%-10d %-16s %-8s %4d %9.0f %9.2f %9.2f %7d  %5.2fx %s%n",
                    r.members(),
                    p.path(),
                    p.via(),
                    p.clients(),
                    p.tps(),
                    p.p50Ms(),
                    p.p99Ms(),
                    p.errors(),
                    r.ratio(),
                    r.reference()));
            if (p.errors() > 0) {
                s.append(String.format("%10s   statuses %s, first: %s%n", "", p.statuses(), p.firstError()));
            }
            if (!p.cpuMillis().isEmpty()) {
                s.append(String.format("%10s   %s%n", "", cpuLine(p)));
            }
        }
        if (!targets.isEmpty()) {
            s.append("\ntargets\n");
            for (Target t : targets) {
                s.append(String.format(
                        "  %-4s %-44s goal %-26s measured %s%n",
                        t.met() ? "MET" : "MISS", t.name(), t.goal(), t.measured()));
            }
        }
        if (!checks.isEmpty()) {
            s.append("\nnothing lost\n");
            for (Invariants.Check c : checks.values()) {
                s.append(String.format("  %-4s %-36s %s%n", c.passed() ? "OK" : "FAIL", c.name(), c.found()));
            }
        }
        return s.toString();
    }

    /** The report as JSON: scenario, time, environment, pgbench, paths, targets and checks. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("finishedAt", Instant.now().toString());
        json.put("environment", environment);
        json.put("pgbench", pgbench);
        List<Map<String, Object>> paths = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("members", r.members());
            m.put("result", r.result());
            m.put("reference", r.reference());
            m.put("referenceTps", r.referenceTps());
            m.put("ratio", r.ratio());
            paths.add(m);
        }
        json.put("paths", paths);
        json.put("targets", targets);
        json.put("checks", checks.values());
        return json;
    }
}
