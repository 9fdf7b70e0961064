package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import org.junit.jupiter.api.Test;

/** Awaiting runs frames in a loop, not by recursion: depth costs heap, not stack. */
class DeepAwaitTest {

    @Test
    void hundredThousandNestedAwaitsNeedNoDeepStack() {
        assertEquals(100_000, EventLoop.run(RecursionAsync.depth(100_000)));
    }
}
