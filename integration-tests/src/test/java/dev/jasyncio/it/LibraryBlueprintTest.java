package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import org.junit.jupiter.api.Test;

/**
 * A blueprint from another jar, awaited here: had the processor not recognised it from its class
 * file, the blueprint would run as plain Java and its {@code await(sleep(...))} would throw.
 */
class LibraryBlueprintTest {

    @Test
    void awaitsTheCoroutineOfABlueprintCompiledElsewhere() {
        assertEquals("Data from left | Data from right", EventLoop.run(HeadlinesAsync.both("left", "right")));
    }
}
