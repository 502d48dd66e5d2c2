package com.example.loyalty.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code loyalty-bench}: the benchmark scenarios, each on a stack of its own. */
@Command(
        name = "loyalty-bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print numbers. Each scenario starts its own stack (ports +15000).",
        subcommands = {
            PointsBench.class,
            SurveyMetricsBench.class,
            BehaviourBench.class,
            CommunityBench.class,
            BenchMain.All.class
        })
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Every scenario with its defaults, one after the other. */
    @Command(name = "all", mixinStandardHelpOptions = true, description = "Runs every scenario with its defaults.")
    static final class All implements Callable<Integer> {

        @CommandLine.Option(names = "--repo", required = true, description = "Repository root (the script passes it).")
        String repo;

        @Override
        public Integer call() {
            int failed = 0;
            for (String scenario : new String[] {"points", "survey-metrics", "behaviour", "community"}) {
                System.out.printf("%n######## %s ########%n", scenario);
                int code = new CommandLine(new BenchMain()).execute(scenario, "--repo", repo);
                failed += code == 0 ? 0 : 1;
            }
            return failed;
        }
    }
}
