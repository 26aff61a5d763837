package dev.peerhub.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The build date: SOURCE_DATE_EPOCH when set (reproducible builds), else today in UTC. */
final class Today {
    private Today() {}

    static LocalDate utc() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d{1,12}")) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC);
        }
        return LocalDate.now(ZoneOffset.UTC);
    }
}
