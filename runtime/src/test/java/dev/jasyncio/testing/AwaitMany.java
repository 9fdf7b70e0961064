package dev.jasyncio.testing;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Coroutine;

/**
 * Awaits {@code times} futures one after the other, each completed by a callback on the loop's
 * next turn, and returns how many it awaited: a frame that suspends and resumes many times.
 */
public final class AwaitMany extends Coroutine<Integer> {

    private final int times;
    private int awaited;

    public AwaitMany(int times) {
        this.times = times;
    }

    @Override
    protected Object step() {
        while (true) {
            if (label == 1) {
                int one = resumeValue();
                awaited += one;
            }
            if (awaited == times) {
                return awaited;
            }
            AsyncFuture<Integer> future = new AsyncFuture<>();
            EventLoop.getRunningLoop().callSoon(() -> future.setResult(1));
            label = 1;
            if (awaitSuspends(future)) {
                return SUSPENDED;
            }
        }
    }
}
