package dev.peerhub.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options every command that reads a site shares: which site, and which day counts as today. */
final class SiteOptions {

    @Option(names = {"-s", "--site"}, paramLabel = "SITE_DIR",
            description = "The site folder (site.yml, content/, templates/). Default: the current folder.")
    Path site = Path.of(".");

    @Option(names = "--today", paramLabel = "DATE",
            description = "The date events are upcoming or past relative to. Default: today (UTC).")
    LocalDate today;

    /** The site folder, absolute. */
    Path siteDir() {
        return site.toAbsolutePath().normalize();
    }

    /** {@code --today}, else {@link Today#utc()}. */
    LocalDate todayOrNow() {
        return today == null ? Today.utc() : today;
    }

    /** False (after saying so) when the site folder does not exist: a usage error. */
    boolean siteExists(String command, PrintWriter err) {
        if (Files.isDirectory(siteDir())) return true;
        err.println("peerhub " + command + ": the site folder " + siteDir() + " does not exist"
                + " (-s names the folder that holds site.yml, content/ and templates/)");
        err.flush();
        return false;
    }
}
