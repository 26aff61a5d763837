package dev.peerhub.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic generated corpus with a skewed (Zipf-like) vocabulary. */
final class TestCorpus {
    private TestCorpus() {}

    static final String[] REAL = {
        "support", "supporting", "supported", "supporter", "supporters", "peer", "peers", "group", "groups",
        "grouping", "listening", "listen", "listener", "anxiety", "anxious", "depression", "recovery",
        "recovering", "circle", "circles", "meeting", "meetings", "facilitator", "facilitators", "facilitation",
        "boundaries", "boundary", "crisis", "calm", "breathing", "sleep", "sleeping", "trust", "trusted",
        "safety", "safe", "volunteer", "volunteers", "volunteering", "training", "trained", "community",
        "communities", "online", "offline", "phone", "helpline", "running", "runs", "care", "caring",
        "self-care", "family", "families", "friend", "friends", "friendship", "grief", "grieving", "loss",
        "hope", "hopeful", "story", "stories", "starting", "start", "welcome", "welcoming", "privacy",
        "confidential", "confidentiality", "consent", "respect", "respectful", "session", "sessions",
        "schedule", "scheduling", "resource", "resources", "guide", "guides", "question", "questions",
        "answer", "answers", "sharing", "share", "shared", "connection", "connections", "connected",
        "isolation", "lonely", "loneliness", "young", "youth", "older", "parent", "parents", "parenting",
        "worker", "workers", "burnout", "rest", "resting", "walk", "walking", "garden", "gardening", "music",
        "art", "writing", "journal", "journaling", "relationship", "relationships", "don't", "o'brien",
        "Zürich", "café", "naïve", "straße", "résumé", "東京", "covid-19", "24/7", "e-mail", "U.S.A.",
    };
    static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pi", "ne", "qua", "zil",
        "bro", "fen", "gar", "hol", "jin", "mur", "pex", "tor", "wen", "yal", "cri", "sto"};
    static final String[] STOP = {"the", "and", "of", "to", "a", "in", "is", "it", "for", "with", "on", "be"};
    static final String[] SECTIONS = {"guides", "stories", "resources", ""};
    static final String[] TYPES = {"guide", "article", "worksheet", ""};
    static final String[] TAGS = {"anxiety", "peer support", "Self-care", "groups", "LGBTQ+", "grief", "youth",
        "families", "crisis", "training", "online", "sleep", "<b>bold</b>", "work & burnout", "café"};

    static List<String> vocabulary(Random r, int synthetic) {
        List<String> v = new ArrayList<>(List.of(REAL));
        for (int i = 0; i < synthetic; i++) {
            int n = 2 + r.nextInt(3);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            if (r.nextInt(5) == 0) sb.append(r.nextBoolean() ? "ing" : "s");
            v.add(sb.toString());
        }
        java.util.Collections.shuffle(v, r);
        return v;
    }

    static String word(Random r, List<String> vocab) {
        double x = r.nextDouble();
        int i = (int) Math.floor(vocab.size() * Math.pow(x, 2.2));
        return vocab.get(Math.min(i, vocab.size() - 1));
    }

    static String text(Random r, List<String> vocab, int words) {
        StringBuilder sb = new StringBuilder();
        boolean sentenceStart = true;
        for (int i = 0; i < words; i++) {
            String w = r.nextInt(4) == 0 ? STOP[r.nextInt(STOP.length)] : word(r, vocab);
            if (sentenceStart && !w.isEmpty()) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            if (!sb.isEmpty()) sb.append(r.nextInt(30) == 0 ? "\n" : " ");
            sb.append(w);
            sentenceStart = false;
            int p = r.nextInt(12);
            if (p == 0) {
                sb.append('.');
                sentenceStart = true;
            } else if (p == 1) {
                sb.append(',');
            } else if (p == 2 && r.nextInt(4) == 0) {
                sb.append("'s");
            }
        }
        sb.append('.');
        return sb.toString();
    }

    static List<SearchDocument> generate(long seed, int docs, int synthetic, int maxBodyWords) {
        Random r = new Random(seed);
        List<String> vocab = vocabulary(r, synthetic);
        List<SearchDocument> out = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            String section = SECTIONS[r.nextInt(SECTIONS.length)];
            String title = text(r, vocab, 2 + r.nextInt(6));
            title = title.substring(0, title.length() - 1);
            if (d % 97 == 0) title = "<script>alert(1)</script> " + title;
            String url = (section.isEmpty() ? "/" : "/" + section + "/") + "page-" + Integer.toString(d * 7919 % 100003, 36) + "/";
            List<String> tags = new ArrayList<>();
            int nt = r.nextInt(4);
            for (int i = 0; i < nt; i++) {
                String t = TAGS[r.nextInt(TAGS.length)];
                if (!tags.contains(t)) tags.add(t);
            }
            List<SearchDocument.Passage> passages = new ArrayList<>();
            passages.add(new SearchDocument.Passage("", "", text(r, vocab, 10 + r.nextInt(maxBodyWords / 3))));
            int np = r.nextInt(4);
            for (int i = 0; i < np; i++) {
                String h = text(r, vocab, 1 + r.nextInt(4));
                h = h.substring(0, h.length() - 1);
                passages.add(new SearchDocument.Passage("h-" + i, h, text(r, vocab, 20 + r.nextInt(maxBodyWords))));
            }
            out.add(new SearchDocument(url, title, r.nextInt(3) == 0 ? "" : text(r, vocab, 8 + r.nextInt(15)), tags,
                    section, TYPES[r.nextInt(TYPES.length)], LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1500)),
                    Math.floorMod(url.hashCode(), 5) == 0 ? "Describes <panic> & \"fear\" in detail" : "", passages));
        }
        return out;
    }
}
