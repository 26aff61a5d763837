package dev.peerhub.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangesTest {

    private static List<long[]> ok(String header, long length) {
        Optional<List<long[]>> r = Ranges.parse(header, length);
        assertTrue(r.isPresent(), header);
        return r.get();
    }

    @Test
    void readsFirstLastSuffixAndOpenRanges() {
        assertArrayEquals(new long[] {0, 9}, ok("bytes=0-9", 100).get(0));
        assertArrayEquals(new long[] {90, 99}, ok("bytes=-10", 100).get(0));
        assertArrayEquals(new long[] {50, 99}, ok("bytes=50-", 100).get(0));
        assertArrayEquals(new long[] {95, 99}, ok("bytes=95-500", 100).get(0));
        assertEquals(2, ok("bytes=0-1, 5-6", 100).size());
    }

    @Test
    void dropsUnsatisfiableRangesAndKeepsTheRest() {
        assertEquals(0, ok("bytes=200-300", 100).size());
        assertEquals(1, ok("bytes=200-300,0-0", 100).size());
    }

    @Test
    void ignoresMalformedHeaders() {
        for (String h : new String[] {"items=0-1", "bytes=a-b", "bytes=5-1", "bytes=", "bytes=-", "bytes=1"}) {
            assertTrue(Ranges.parse(h, 100).isEmpty(), h);
        }
        assertTrue(Ranges.parse("bytes=" + "0-0,".repeat(40) + "0-0", 100).isEmpty(), "too many ranges");
    }

    @Test
    void refusesUnsafeRequestPaths() {
        for (String raw : new String[] {"/../x", "/a/../../x", "/..%2fx", "/%2e%2e/x", "/%2E%2E%2Fx", "/a%5c..%5cx", "//etc/passwd",
                "/a//b", "/%00", "/%zz", "/C:/x", "/.", "/a/./b", "/%252e%252e/x", "relative"}) {
            assertTrue(PreviewServer.decode(raw).isEmpty(), raw);
        }
        assertEquals(Optional.of("/guides/caf\u00e9/"), PreviewServer.decode("/guides/caf%C3%A9/"));
        assertEquals(Optional.of("/a+b.txt"), PreviewServer.decode("/a+b.txt"));
    }
}
