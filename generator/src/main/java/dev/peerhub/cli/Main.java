package dev.peerhub.cli;

/** Entry point; the command tree lives in {@link PeerhubCommand}. */
public final class Main {

    /** Held so the setting is not collected with the logger: Lucene's notes about optional JVM modules are not for writers. */
    private static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

    private Main() {}

    public static void main(String[] args) {
        LUCENE.setLevel(java.util.logging.Level.SEVERE);
        System.exit(PeerhubCommand.run(args));
    }
}
