package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.getRunningLoop;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.Jasyncio.toThread;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * asyncio's run_in_executor example: a blocking call runs on the loop's default executor while a
 * ticker keeps running on the loop, then the same call through to_thread. The blocking call waits
 * until the ticker has ticked twice, so it can only return if the loop kept running beside it.
 */
final class BlockingOffload {

    private BlockingOffload() {}

    /** What the blocking call saw. */
    record Report(String result, String loopThread, String callThread, int ticksWhileBlocked) {}

    /** Ticks until stopped: each tick counts down the latch the blocking call waits on. */
    static final class Ticker {
        final CountDownLatch twoTicks = new CountDownLatch(2);
        volatile int ticks;
        boolean stopped;

        @Async
        Coroutine<Void> run() {
            while (!stopped) {
                ticks++;
                twoTicks.countDown();
                await(sleep(5));
            }
            return done(null);
        }
    }

    /** A blocking read: it holds its thread until the ticker ticked twice (at most ten seconds). */
    static String blockingRead(Ticker ticker, String[] thread) throws InterruptedException {
        thread[0] = Thread.currentThread().getName();
        if (!ticker.twoTicks.await(10, TimeUnit.SECONDS)) {
            return "the loop was blocked";
        }
        return "read done";
    }

    @Async
    static Coroutine<List<Report>> main() {
        String loopThread = Thread.currentThread().getName();
        Report inExecutor = await(offloaded(loopThread, true));
        Report onThread = await(offloaded(loopThread, false));
        return done(List.of(inExecutor, onThread));
    }

    @Async
    static Coroutine<Report> offloaded(String loopThread, boolean defaultExecutor) {
        Ticker ticker = new Ticker();
        Task<Void> ticking = createTask(BlockingOffload_TickerAsync.run(ticker));
        String[] callThread = new String[1];
        String result = defaultExecutor
                ? await(getRunningLoop().runInExecutor(null, () -> blockingRead(ticker, callThread)))
                : await(toThread(() -> blockingRead(ticker, callThread)));
        int ticks = ticker.ticks;
        ticker.stopped = true;
        await(ticking);
        return done(new Report(result, loopThread, callThread[0], ticks));
    }
}
