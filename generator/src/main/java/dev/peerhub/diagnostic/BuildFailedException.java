package dev.peerhub.diagnostic;

/**
 * Thrown between pipeline stages when the collected diagnostics contain errors; the CLI prints
 * them and exits 1. It carries no message of its own: the diagnostics are the message.
 */
public final class BuildFailedException extends RuntimeException {

    private final transient Diagnostics diagnostics;

    public BuildFailedException(Diagnostics diagnostics) {
        super(diagnostics.errorCount() + " error(s)", null, false, false);
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
