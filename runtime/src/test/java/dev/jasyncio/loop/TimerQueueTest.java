package dev.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.tasks.Task;
import dev.jasyncio.tasks.TaskRegistry;
import dev.jasyncio.tasks.TaskScheduling;
import dev.jasyncio.testing.Steps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private final EventLoop loop = new EventLoop();

    /** A registry whose tasks are never stepped: only their places in the heap matter here. */
    private final TaskRegistry tasks = new TaskRegistry(loop, new TaskScheduling() {
        @Override
        public void scheduleStep(Task<?> task) {}

        @Override
        public void sleepUntil(Task<?> task, long deadline) {}

        @Override
        public long wakeTime(Task<?> task) {
            return queue.deadlineOf(task);
        }

        @Override
        public void wakeEarly(Task<?> task) {
            queue.remove(task);
        }
    });

    private final TimerQueue queue = new TimerQueue(tasks);

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

    @Test
    void sleepingTasksTakenOutEarlyLeaveTheOthersInDeadlineOrder() {
        Random random = new Random(7);
        List<Task<String>> sleepers = new ArrayList<>();
        Map<Task<String>, Long> deadlines = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            Task<String> task = tasks.createTask(Steps.returning("slept"));
            long deadline = random.nextInt(100);
            sleepers.add(task);
            deadlines.put(task, deadline);
            queue.add(task, deadline);
            if (i % 5 == 0) {
                queue.add(new TimerHandle(loop, random.nextInt(100), () -> {}));
            }
        }
        List<Task<String>> kept = new ArrayList<>();
        for (Task<String> task : sleepers) {
            if (random.nextInt(3) == 0) {
                queue.remove(task);
                assertEquals(-1, tasks.timerIndex(task));
            } else {
                kept.add(task);
                assertEquals(deadlines.get(task), queue.deadlineOf(task), "the task's index leads to its own deadline");
            }
        }
        ArrayDeque<Object> ready = new ArrayDeque<>();
        queue.moveExpired(Long.MAX_VALUE, ready);
        List<Object> woken = ready.stream().filter(entry -> entry instanceof Task).toList();
        List<Task<String>> expected = new ArrayList<>(kept);
        expected.sort(Comparator.comparing(deadlines::get));
        assertEquals(expected, woken, "by deadline, ties in the order they fell asleep");
        assertTrue(woken.stream().allMatch(task -> tasks.timerIndex((Task<?>) task) == -1));
        assertTrue(queue.isEmpty());
    }

    private TimerHandle timer(long when) {
        TimerHandle timer = new TimerHandle(loop, when, () -> {});
        queue.add(timer);
        return timer;
    }
}
