package dev.peerhub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code peerhub}: the root command. */
@Command(name = "peerhub", mixinStandardHelpOptions = true, versionProvider = PeerhubCommand.Version.class,
        description = "Builds a static peer-support resource hub from Markdown.",
        subcommands = {BuildCommand.class, CheckCommand.class, NewCommand.class, ServeCommand.class, SearchCommand.class,
                CommandLine.HelpCommand.class})
public final class PeerhubCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given streams (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new PeerhubCommand());
        cli.setOut(out);
        cli.setErr(err);
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (verbose) {
                ex.printStackTrace(line.getErr());
            } else {
                line.getErr().println("peerhub: internal error: " + ex + " (run again with --verbose for details,"
                        + " and please report it)");
            }
            return 3;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PeerhubCommand.class.getPackage().getImplementationVersion();
            return new String[] {"peerhub " + (v == null ? "development" : v)};
        }
    }
}
