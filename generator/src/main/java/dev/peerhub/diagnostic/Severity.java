package dev.peerhub.diagnostic;

/** How bad a problem is: errors stop the build, warnings do not (unless {@code --strict}). */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in a diagnostic line. */
    public String label() {
        return label;
    }
}
