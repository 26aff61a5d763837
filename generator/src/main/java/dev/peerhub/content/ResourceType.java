package dev.peerhub.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of resource a hub publishes, from {@code type:} in front matter. */
public enum ResourceType {
    GUIDE("guide", "Guide", "Guides"),
    STORY("story", "Story", "Stories"),
    RESEARCH("research", "Research", "Research"),
    TRIP_REPORT("trip-report", "Trip report", "Trip reports"),
    HARM_REDUCTION("harm-reduction", "Harm reduction", "Harm reduction"),
    WORKSHEET("worksheet", "Worksheet", "Worksheets"),
    TRAINING("training", "Training", "Training"),
    PAGE("page", "Page", "Pages");

    private final String key;
    private final String label;
    private final String plural;

    ResourceType(String key, String label, String plural) {
        this.key = key;
        this.label = label;
        this.plural = plural;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String plural() {
        return plural;
    }

    public static Optional<ResourceType> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ResourceType::key).toList();
    }
}
