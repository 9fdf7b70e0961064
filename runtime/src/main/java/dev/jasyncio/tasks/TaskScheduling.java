package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;

/**
 * What the tasks of an {@link EventLoop} need from it besides its public API: a place in its ready
 * queue and in its timer heap for the tasks themselves, so that rescheduling a task and putting it
 * to sleep allocate nothing. Each loop hands its own implementation to its {@link TaskRegistry}
 * and keeps it private; the interface is public only because the loop lives in another package.
 */
public interface TaskScheduling {

    /** Queues {@code task} to run its next step, through {@link TaskRegistry#runStep}, on the loop's next turn. */
    void scheduleStep(Task<?> task);

    /**
     * Keeps {@code task} in the timer heap until {@code deadline} on the loop's clock, then wakes
     * it with {@link TaskRegistry#wakeFromSleep} and runs its next step.
     */
    void sleepUntil(Task<?> task, long deadline);

    /** The deadline of {@code task}, which sleeps in the timer heap. */
    long wakeTime(Task<?> task);

    /** Takes {@code task}, woken before its deadline, out of the timer heap. */
    void wakeEarly(Task<?> task);
}
