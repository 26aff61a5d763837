package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link DeepStack}: work that overflows the stack is run again on a deep one, and reported when that overflows too. */
class DeepStackTest {
    private static int depthReached;

    private static int recurse(int depth, int limit) {
        depthReached = depth;
        return depth >= limit ? depth : recurse(depth + 1, limit) + 0 * depth;
    }

    @Test
    void workThatFitsRunsWhereItIs() {
        String here = Thread.currentThread().getName();
        assertEquals(here, DeepStack.run(() -> Thread.currentThread().getName()));
        assertEquals(10, DeepStack.run(() -> recurse(0, 10)));
    }

    @Test
    void endlessRecursionIsReportedNotThrownAsAnError() {
        System.setProperty("peerhub.markdown.deepStackMb", "8"); // quicker to exhaust than the real 512 MB
        try {
            DeepStack.TooComplexException e = assertThrows(DeepStack.TooComplexException.class,
                    () -> DeepStack.run(() -> recurse(0, Integer.MAX_VALUE)));
            assertEquals(0, e.getStackTrace().length); // a message for the writer, nothing more
            assertTrue(depthReached > 1000, "recursed " + depthReached);
        } finally {
            System.clearProperty("peerhub.markdown.deepStackMb");
        }
    }

    @Test
    void otherFailuresPassThrough() {
        assertThrows(IllegalArgumentException.class, () -> DeepStack.run(() -> {
            throw new IllegalArgumentException("x");
        }));
    }
}
