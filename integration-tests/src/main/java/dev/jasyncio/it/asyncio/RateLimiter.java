package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.sync.Semaphore;
import dev.jasyncio.tasks.Coroutine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's rate limiter example: at most {@code rate} calls start in any period, because each call
 * takes a permit of a semaphore that a timer gives back one period later.
 */
final class RateLimiter {

    final Semaphore permits;
    final Duration period;
    final EventLoop loop;

    RateLimiter(int rate, Duration period) {
        this.permits = new Semaphore(rate);
        this.period = period;
        this.loop = EventLoop.getRunningLoop();
    }

    /**
     * Waits until a call may start and gives the loop time at which it may; the permit it takes
     * comes back one period after that time.
     */
    @Async
    Coroutine<Long> acquire() {
        await(permits.acquire());
        long now = loop.time();
        loop.callAt(now + period.toNanos(), permits::release);
        return done(now);
    }

    @Async
    static Coroutine<Void> call(RateLimiter limiter, List<Long> starts) {
        starts.add(await(limiter.acquire()));
        return done(null);
    }

    /** Makes {@code calls} calls at once through a limiter; gives the loop time at which each started. */
    @Async
    static Coroutine<List<Long>> main(int calls, int rate, Duration period) {
        RateLimiter limiter = new RateLimiter(rate, period);
        List<Long> starts = new ArrayList<>();
        List<Coroutine<Void>> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.add(call(limiter, starts));
        }
        await(gather(all));
        return done(starts);
    }
}
