package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.gatherReturnExceptions;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Outcome;
import java.util.List;

/**
 * asyncio's gather examples: with return_exceptions every outcome comes back in argument order;
 * without, the first failure reaches the caller at once while the other operations run on.
 */
final class GatherOutcomes {

    private GatherOutcomes() {}

    @Async
    static Coroutine<Integer> square(int n, long millis, List<String> log) {
        await(sleep(millis));
        log.add("squared " + n);
        return done(n * n);
    }

    @Async
    static Coroutine<Integer> failAfter(String message, long millis) {
        await(sleep(millis));
        throw new IllegalArgumentException(message);
    }

    @Async
    static Coroutine<List<Outcome<Integer>>> everyOutcome(List<String> log) {
        // the delays differ by far more than a loaded machine may stall between starting the two
        return done(await(gatherReturnExceptions(square(2, 250, log), failAfter("no square for -1", 1), square(3, 10, log))));
    }

    @Async
    static Coroutine<String> firstFailure(List<String> log) {
        try {
            await(gather(square(4, 30, log), failAfter("bad input", 1)));
            return done("no failure");
        } catch (IllegalArgumentException e) {
            log.add("caught " + e.getMessage());
        }
        await(sleep(60));
        log.add("main done");
        return done("caught");
    }
}
