package dev.peerhub.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/** One problem: where, how bad, and a message that says what was expected and what was found. */
public record Diagnostic(Severity severity, SourcePosition position, String message) {

    /** Report order: by file, line, column, then errors before warnings. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::position)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(SourcePosition at, String message) {
        return new Diagnostic(Severity.ERROR, at, message);
    }

    public static Diagnostic warning(SourcePosition at, String message) {
        return new Diagnostic(Severity.WARNING, at, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: error: message}. */
    public String format() {
        return position + ": " + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
