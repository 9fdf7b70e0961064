package dev.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private final EventLoop loop = new EventLoop();
    private final TimerQueue queue = new TimerQueue(null);

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void expiredTimersComeOutByDeadlineThenInSchedulingOrder() {
        Random random = new Random(42);
        List<TimerHandle> timers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            TimerHandle timer = new TimerHandle(loop, random.nextInt(50), () -> {});
            timers.add(timer);
            queue.add(timer);
        }
        ArrayDeque<Object> ready = new ArrayDeque<>();
        queue.moveExpired(24, ready);
        assertTrue(ready.stream().allMatch(timer -> ((TimerHandle) timer).when() <= 24));
        queue.moveExpired(Long.MAX_VALUE, ready);
        assertTrue(queue.isEmpty());
        List<TimerHandle> expected = new ArrayList<>(timers);
        expected.sort((a, b) -> Long.compare(a.when(), b.when()));
        assertEquals(expected, new ArrayList<>(ready));
    }

    @Test
    void cancelledTimersOnTopAreDroppedSoTheEarliestDeadlineIsALiveOne() {
        TimerHandle first = timer(10);
        timer(20);
        first.cancel();
        queue.purge();
        assertEquals(20, queue.earliestDeadline());
        assertEquals(1, queue.size());
    }

    @Test
    void aLargeHeapOfMostlyCancelledTimersIsCompacted() {
        List<TimerHandle> timers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            timers.add(timer(1000 - i));
        }
        for (int i = 0; i < 1000; i++) {
            if (i % 10 != 0) {
                timers.get(i).cancel();
            }
        }
        queue.purge();
        assertEquals(100, queue.size());
        ArrayDeque<Object> ready = new ArrayDeque<>();
        queue.moveExpired(Long.MAX_VALUE, ready);
        assertEquals(100, ready.size());
        assertTrue(ready.stream().noneMatch(timer -> ((TimerHandle) timer).isCancelled()));
        assertEquals(10, ((TimerHandle) ready.getFirst()).when());
    }

    private TimerHandle timer(long when) {
        TimerHandle timer = new TimerHandle(loop, when, () -> {});
        queue.add(timer);
        return timer;
    }
}
