package com.example.loyalty.launcher;

import com.example.loyalty.launcher.io.Display;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loyalty}: the command line of the local stack. */
@Command(
        name = "loyalty",
        mixinStandardHelpOptions = true,
        version = "loyalty launcher 1.0.0-SNAPSHOT",
        description = "Runs the loyalty platform locally: PostgreSQL, Kafka, Keycloak, the services and the gateway.",
        subcommands = {Main.Up.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("loyalty: " + e);
            if (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose")) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description = "Starts the whole stack in the foreground and stops it on Ctrl-C.")
    static final class Up implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--fresh", description = "Delete the state directory (all data) first.")
        boolean fresh;

        @Option(
                names = "--state-dir",
                paramLabel = "DIR",
                description = "Where data and logs live (default: <repository>/.loyalty).")
        Path stateDir;

        @Option(
                names = "--port-offset",
                paramLabel = "N",
                description = "Add N to every port (default 0: gateway 8080, Keycloak 8180, ...).")
        int portOffset;

        @Option(
                names = {"-v", "--verbose"},
                description = "Show stack traces of failures.")
        boolean verbose;

        @Option(names = "--infra-only", hidden = true, description = "Start only PostgreSQL, Kafka and Keycloak.")
        boolean infraOnly;

        @Option(
                names = "--repo",
                hidden = true,
                paramLabel = "DIR",
                description = "The repository root (default: found from the launcher jar, else the working directory).")
        Path repo;

        StackConfig config() {
            Path root = repo != null ? repo : repositoryRoot();
            StackConfig config = StackConfig.defaults(root).withFresh(fresh).withInfraOnly(infraOnly);
            if (stateDir != null) {
                config = config.withStateDir(stateDir);
            }
            return portOffset == 0 ? config : config.withPortOffset(portOffset);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            StackConfig config = config();
            quietLogging(config);
            out.println("Starting the loyalty stack (state in " + Display.path(config.stateDir()) + ") ...");
            out.flush();
            Stack stack;
            try {
                stack = Stack.start(config, line -> {
                    out.println(line);
                    out.flush();
                });
            } catch (StackException e) {
                err.println(e.getMessage());
                if (verbose) {
                    e.printStackTrace(err);
                }
                err.flush();
                return 1;
            }
            out.println();
            out.print(Summary.text(config, stack.startupTime()));
            out.flush();
            String failure = stack.awaitEnd();
            if (failure != null) {
                // the stack has printed the line and stops itself; wait for that before exiting
                stack.stop();
                return 1;
            }
            return 0;
        }

        /** The libraries' own logging (zonky, Kafka clients) goes to logs/launcher.log, not to the console. */
        private static void quietLogging(StackConfig config) {
            if (System.getProperty("log4j2.configurationFile") == null) {
                var url = Main.class.getResource("/loyalty-launcher-log4j2.xml");
                if (url != null) {
                    System.setProperty("log4j2.configurationFile", url.toString());
                }
            }
            System.setProperty(
                    "loyalty.launcher.log",
                    config.stateDir().resolve("logs/launcher.log").toString());
        }

        /** The directory holding {@code launcher/} above the launcher jar, else the working directory. */
        static Path repositoryRoot() {
            try {
                Path here = Path.of(Main.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                for (Path p = here; p != null; p = p.getParent()) {
                    if (Files.isRegularFile(p.resolve("launcher/pom.xml"))) {
                        return p;
                    }
                }
            } catch (Exception e) {
                // fall through
            }
            return Path.of("").toAbsolutePath();
        }
    }
}
