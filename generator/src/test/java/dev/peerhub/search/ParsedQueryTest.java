package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedQueryTest {

    @Test
    void wordsFollowedByASpaceAreAllRequiredAndNoneIsAPrefix() {
        ParsedQuery q = ParsedQuery.parse("peer support ");
        assertEquals(List.of("peer", "support"), q.words());
        assertNull(q.prefix());
    }

    @Test
    void theLastWordIsAPrefixWhileTyping() {
        ParsedQuery q = ParsedQuery.parse("peer sup");
        assertEquals(List.of("peer"), q.words());
        assertEquals("sup", q.prefix());
    }

    @Test
    void aPrefixNeedsTwoLettersOrDigitsAndNothingElse() {
        assertNull(ParsedQuery.parse("s").prefix());
        assertEquals(List.of("s"), ParsedQuery.parse("s").words());
        assertNull(ParsedQuery.parse("e-mail").prefix());
        assertNull(ParsedQuery.parse("covid-19").prefix());
        assertEquals("Zü", ParsedQuery.parse("Zü").prefix());
    }

    @Test
    void quotedTextIsAPhraseAnywhereInTheQuery() {
        ParsedQuery q = ParsedQuery.parse("first \"peer support\" circle ");
        assertEquals(List.of("first", "circle"), q.words());
        assertEquals(List.of("peer support"), q.phrases());
    }

    @Test
    void anUnclosedQuoteRunsToTheEndAndIsNotAPrefix() {
        ParsedQuery q = ParsedQuery.parse("\"peer sup");
        assertEquals(List.of("peer sup"), q.phrases());
        assertNull(q.prefix());
    }

    @Test
    void aLeadingMinusExcludesAWordOrAPhrase() {
        ParsedQuery q = ParsedQuery.parse("groups -online -\"video call\" ");
        assertEquals(List.of("groups"), q.words());
        assertEquals(List.of("online", "video call"), q.excluded());
        assertNull(ParsedQuery.parse("groups -onl").prefix());
    }

    @Test
    void aMinusInsideAWordOrAloneIsText() {
        assertEquals(List.of("self-care"), ParsedQuery.parse("self-care ").words());
        assertEquals(List.of("-"), ParsedQuery.parse("- ").words());
    }

    @Test
    void anEmptyOrBlankQueryAsksForNothing() {
        assertTrue(ParsedQuery.parse("").isEmpty());
        assertTrue(ParsedQuery.parse(" \t\u00a0 ").isEmpty());
    }

    @Test
    void htmlInTheQueryIsJustText() {
        ParsedQuery q = ParsedQuery.parse("<b>support</b> ");
        assertEquals(List.of("<b>support</b>"), q.words());
    }
}
