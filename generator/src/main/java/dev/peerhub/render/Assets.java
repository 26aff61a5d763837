package dev.peerhub.render;

import java.util.Map;
import java.util.Objects;

/**
 * The theme's assets with their published, content-hashed URLs. Templates call
 * {@code site.assets.url("site.css")}; an unknown name is a template error that names it.
 */
public record Assets(Map<String, String> urls) {

    public Assets {
        urls = Map.copyOf(urls);
    }

    /** The URL of {@code templates/assets/NAME}. */
    public String url(String name) {
        String u = urls.get(Objects.requireNonNull(name, "name"));
        if (u == null) {
            throw new IllegalArgumentException("there is no asset '" + name + "' in templates/assets/ (known: "
                    + String.join(", ", new java.util.TreeSet<>(urls.keySet())) + ")");
        }
        return u;
    }

    /** Whether the theme has {@code templates/assets/NAME}. */
    public boolean has(String name) {
        return urls.containsKey(name);
    }
}
