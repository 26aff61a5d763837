package dev.peerhub.cli;

/** Entry point; the command tree lives in {@link PeerhubCommand}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(PeerhubCommand.run(args));
    }
}
