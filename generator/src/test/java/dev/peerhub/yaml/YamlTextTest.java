package dev.peerhub.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.diagnostic.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTextTest {

    private final Diagnostics d = new Diagnostics();

    private List<String> parse(String yaml) {
        YamlText.parseMapping(yaml, "content/a.md", 1, d);
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void refusesTagsThatAskForJavaObjects() {
        assertEquals(List.of("content/a.md:2:8: error: YAML tag '!!java.lang.ProcessBuilder' is not allowed:"
                + " write plain values (text, numbers, dates, lists, key: value)"),
                parse("title: !!java.lang.ProcessBuilder [\"id\"]\n"));
    }

    @Test
    void refusesAnAliasBomb() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                """;
        List<String> problems = parse(bomb);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("too many YAML aliases"), problems.get(0));
    }

    @Test
    void reportsADuplicateKey() {
        assertEquals(List.of("content/a.md:3:1: error: duplicate key 'title': it is already set on line 2 (keep one of them)"), parse("title: A\ntitle: B\n"));
    }

    @Test
    void reportsTabIndentation() {
        List<String> problems = parse("tags:\n\t- a\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/a.md:3:"), problems.get(0));
        assertTrue(problems.get(0).contains("tab character in YAML indentation: indent with spaces"), problems.get(0));
    }

    @Test
    void reportsAnUnclosedQuote() {
        List<String> problems = parse("title: \"Unclosed\ndate: 2024-01-01\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("unclosed quote"), problems.get(0));
    }

    /** Reported at the opening bracket, where the writer must look, not where SnakeYAML gave up. */
    @Test
    void reportsAnUnclosedListAtItsBracket() {
        assertEquals(List.of("content/a.md:3:7: error: unclosed '[': the list that starts here never ends with ']'"
                + " (add it at the end of the list, on this line)"), parse("title: A\ntags: [peer support\ndraft: false\n"));
    }

    @Test
    void reportsAnUnclosedListAtTheEndOfTheFrontMatterAtItsBracket() {
        assertEquals(List.of("content/a.md:2:7: error: unclosed '[': the list that starts here never ends with ']'"
                + " (add it at the end of the list, on this line)"), parse("tags: [a, b\n"));
    }

    @Test
    void reportsAnUnclosedMappingAtItsBrace() {
        assertEquals(List.of("content/a.md:2:7: error: unclosed '{': the mapping that starts here never ends with '}'"
                + " (add it at the end of the mapping, on this line)"), parse("meta: {a: 1\nx: 2\n"));
    }

    @Test
    void refusesAListWhereKeysAreExpected() {
        assertEquals(List.of("content/a.md:2:1: error: expected 'key: value' lines, found a list"), parse("- a\n- b\n"));
    }
}
