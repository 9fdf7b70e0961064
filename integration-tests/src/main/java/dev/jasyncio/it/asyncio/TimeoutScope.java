package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.getRunningLoop;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.Jasyncio.timeout;
import static dev.jasyncio.Jasyncio.waitFor;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.DeadlineExceededException;
import dev.jasyncio.tasks.Timeout;
import java.time.Duration;
import java.util.List;

/**
 * asyncio's timeout examples: an {@code async with asyncio.timeout(...)} scope around a slow
 * operation, the same scope moved later with reschedule, and wait_for on a slow operation whose
 * cleanup runs before the caller hears of the timeout.
 */
final class TimeoutScope {

    private TimeoutScope() {}

    @Async
    static Coroutine<String> slowOperation(long millis, List<String> log) {
        try {
            await(sleep(millis));
            return done("finished");
        } finally {
            log.add("slow operation cleaned up");
        }
    }

    @Async
    static Coroutine<Boolean> scopeExpires(List<String> log) {
        Timeout scope = timeout(Duration.ofMillis(20));
        try (scope) {
            log.add(await(slowOperation(10_000, log)));
        } catch (DeadlineExceededException e) {
            log.add("timed out");
        }
        return done(scope.expired());
    }

    @Async
    static Coroutine<Boolean> scopeRescheduled(List<String> log) {
        Timeout scope = timeout(Duration.ofMillis(5));
        try (scope) {
            scope.reschedule(getRunningLoop().time() + Duration.ofSeconds(30).toNanos());
            log.add(await(slowOperation(30, log)));
        }
        return done(scope.expired());
    }

    @Async
    static Coroutine<Void> waitForGivesUp(List<String> log) {
        try {
            log.add(await(waitFor(slowOperation(10_000, log), Duration.ofMillis(20))));
        } catch (DeadlineExceededException e) {
            log.add("wait_for timed out");
        }
        return done(null);
    }
}
