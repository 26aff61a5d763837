package dev.peerhub.config;

import java.util.List;
import java.util.Objects;

/**
 * The site's settings from {@code site.yml}, validated.
 *
 * @param title        the hub's name
 * @param description  one sentence used for meta descriptions and feeds
 * @param baseUrl      absolute URL of the site's root, always ending in {@code /}
 * @param basePath     the path part of {@code baseUrl} ({@code /} or {@code /hub/}): every internal link starts with it
 * @param language     BCP 47 language tag of the content, e.g. {@code en}
 * @param organisation who runs the hub
 * @param menu         the main navigation, in order
 * @param paginate     items per list page
 * @param feed         Atom feed settings
 * @param crisis       crisis-support lines shown on every page
 * @param footer       footer text (Markdown, one paragraph), may be empty
 * @param quickExit    the quick-exit control's destination and label
 */
public record SiteConfig(String title, String description, String baseUrl, String basePath, String language,
                         Organisation organisation, List<MenuItem> menu, int paginate, FeedConfig feed,
                         CrisisSupport crisis, String footer, QuickExit quickExit) {

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(organisation, "organisation");
        menu = List.copyOf(menu);
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(crisis, "crisis");
        Objects.requireNonNull(footer, "footer");
        Objects.requireNonNull(quickExit, "quickExit");
        if (!baseUrl.endsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("baseUrl and basePath end with /");
        }
    }

    /** This configuration with another base URL (for {@code --base-url}). */
    public SiteConfig withBaseUrl(String url, String path) {
        return new SiteConfig(title, description, url, path, language, organisation, menu, paginate, feed, crisis,
                footer, quickExit);
    }

    /** Who runs the hub; any part may be empty. */
    public record Organisation(String name, String url, String email) {
        public Organisation {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(email, "email");
        }
    }

    /** A navigation entry; {@code url} is site-relative (starts with {@code /}) or absolute. */
    public record MenuItem(String name, String url) {
        public MenuItem {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }
    }

    /** Atom feeds: how many entries, and whether entries carry the whole text or the summary. */
    public record FeedConfig(int limit, boolean fullContent) {}

    /** Crisis support shown in the same place on every page. */
    public record CrisisSupport(String heading, Emergency emergency, List<CrisisLine> lines, String page) {
        public CrisisSupport {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(emergency, "emergency");
            lines = List.copyOf(lines);
            Objects.requireNonNull(page, "page");
        }

        public boolean isEmpty() {
            return lines.isEmpty() && emergency.number().isEmpty();
        }
    }

    /** The local emergency number. */
    public record Emergency(String number, String label, String note) {
        public Emergency {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(note, "note");
        }

        /** The number as a {@code tel:} URI target (digits and +). */
        public String tel() {
            return CrisisLine.telOf(number);
        }
    }

    /** One support line; empty strings for the parts it lacks. */
    public record CrisisLine(String name, String phone, String text, String chat, String hours, String region,
                             String url, String note) {
        public CrisisLine {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(hours, "hours");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(note, "note");
        }

        public String phoneTel() {
            return telOf(phone);
        }

        public String textTel() {
            return telOf(text);
        }

        static String telOf(String number) {
            return number.replaceAll("[^0-9+]", "");
        }
    }

    /** Where the quick-exit control sends the reader, and what it says. */
    public record QuickExit(String url, String label) {
        public QuickExit {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(label, "label");
        }
    }
}
