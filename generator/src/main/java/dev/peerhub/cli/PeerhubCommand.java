package dev.peerhub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code peerhub}: the root command. */
@Command(name = "peerhub", mixinStandardHelpOptions = true, versionProvider = PeerhubCommand.Version.class,
        description = "Builds a static peer-support resource hub from Markdown.",
        subcommands = {CommandLine.HelpCommand.class})
public final class PeerhubCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static int run(String... args) {
        return new CommandLine(new PeerhubCommand()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PeerhubCommand.class.getPackage().getImplementationVersion();
            return new String[] {"peerhub " + (v == null ? "development" : v)};
        }
    }
}
