package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SayAfterTest {
    private static final long DELAY_MS = 60;

    @Test
    void tasksStartAtOnceAndGreetFromTheirOwnNamedTasks() {
        List<String> out = new ArrayList<>();
        EventLoop.run(SayAfterAsync.asTasks(1, out));
        assertEquals(List.of("started", "hello from greeter-1", "world from greeter-2"), out);
    }

    @Test
    void awaitedOneAfterTheOtherTheyRunInTheAwaitingTask() {
        List<String> out = new ArrayList<>();
        EventLoop.run(SayAfterAsync.oneAfterTheOther(1, out));
        assertEquals("started", out.get(0));
        String task = out.get(1).substring("hello from ".length());
        assertEquals(List.of("started", "hello from " + task, "world from " + task), out);
        assertNotEquals("greeter-1", task);
    }

    @Test
    void asTasksTheyTakeTheLongerDelayInsteadOfTheSum() {
        long start = System.nanoTime();
        EventLoop.run(SayAfterAsync.oneAfterTheOther(DELAY_MS, new ArrayList<>()));
        long sequential = System.nanoTime() - start;
        start = System.nanoTime();
        EventLoop.run(SayAfterAsync.asTasks(DELAY_MS, new ArrayList<>()));
        long concurrent = System.nanoTime() - start;

        assertTrue(sequential >= 3 * DELAY_MS * 1_000_000, "one delay then two take three, took " + sequential + " ns");
        double ratio = (double) concurrent / sequential;
        assertTrue(ratio < 0.9, "about 2/3 expected, concurrent/sequential = " + ratio);
    }
}
