package dev.peerhub.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pager shows a window of page numbers, not all of them. */
class PagerWindowTest {

    /** The window as text: "1 … 4 5 [6] 7 8 … 950". */
    private static String shown(int number, int total) {
        List<Views.PagerLink> links = Views.Pager.window(number, total, k -> "/p/" + k + "/");
        for (Views.PagerLink l : links) assertEquals("/p/" + l.number() + "/", l.url());
        return links.stream().map(l -> (l.gapBefore() ? "… " : "") + (l.current() ? "[" + l.number() + "]" : String.valueOf(l.number())))
                .collect(Collectors.joining(" "));
    }

    @Test
    void smallListsShowEveryPage() {
        assertEquals("[1]", shown(1, 1));
        assertEquals("1 [2]", shown(2, 2));
        assertEquals("1 2 [3] 4 5", shown(3, 5));
        assertEquals("[1] 2 3 4 5", shown(1, 5));
        assertEquals("1 2 3 4 [5] 6 7", shown(5, 7)); // a gap of one page is filled in
        assertEquals("1 … 4 5 [6] 7", shown(6, 7));
    }

    @Test
    void longListsShowTheEndsAndTheNeighbours() {
        assertEquals("[1] 2 3 … 950", shown(1, 950));
        assertEquals("1 2 3 [4] 5 6 … 950", shown(4, 950));
        assertEquals("1 … 4 5 [6] 7 8 … 950", shown(6, 950));
        assertEquals("1 … 498 499 [500] 501 502 … 950", shown(500, 950));
        assertEquals("1 … 948 949 [950]", shown(950, 950));
    }

    @Test
    void everyWindowIsOrderedHasItsPageAndStaysSmall() {
        for (int total = 1; total <= 60; total++) {
            for (int n = 1; n <= total; n++) {
                List<Views.PagerLink> links = Views.Pager.window(n, total, k -> "/" + k);
                assertEquals(1, links.get(0).number());
                assertEquals(total, links.get(links.size() - 1).number());
                assertEquals(1, links.stream().filter(Views.PagerLink::current).count());
                assertTrue(links.size() <= 9, n + " of " + total);
                for (int i = 1; i < links.size(); i++) {
                    int gap = links.get(i).number() - links.get(i - 1).number();
                    assertTrue(gap >= 1 && gap != 2, n + " of " + total + ": " + shown(n, total));
                    assertEquals(gap > 1, links.get(i).gapBefore());
                }
            }
        }
    }
}
