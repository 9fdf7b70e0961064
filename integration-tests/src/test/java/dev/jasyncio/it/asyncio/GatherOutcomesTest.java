package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatherOutcomesTest {

    @Test
    void withReturnExceptionsEveryOutcomeComesBackInArgumentOrder() {
        List<String> log = new ArrayList<>();
        List<Outcome<Integer>> outcomes = EventLoop.run(GatherOutcomesAsync.everyOutcome(log));

        assertEquals(3, outcomes.size());
        assertTrue(outcomes.get(0).isSuccess());
        assertEquals(4, outcomes.get(0).value());
        assertFalse(outcomes.get(1).isSuccess());
        assertInstanceOf(IllegalArgumentException.class, outcomes.get(1).exception());
        assertEquals("no square for -1", outcomes.get(1).exception().getMessage());
        assertEquals(9, outcomes.get(2).value());
        assertEquals(List.of("squared 3", "squared 2"), log, "they finish in the order of their delays");
    }

    @Test
    void withoutTheFirstFailureReachesTheCallerWhileTheOthersRunOn() {
        List<String> log = new ArrayList<>();
        assertEquals("caught", EventLoop.run(GatherOutcomesAsync.firstFailure(log)));
        assertEquals(List.of("caught bad input", "squared 4", "main done"), log);
    }
}
