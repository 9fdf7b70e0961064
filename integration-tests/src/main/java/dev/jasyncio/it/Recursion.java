package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;

/** A chain of awaits as deep as the caller likes, which plain recursion of that depth could not survive. */
final class Recursion {

    private Recursion() {}

    /**
     * Awaits itself {@code n} levels deep and counts the levels on the way back. The innermost level
     * suspends, so the result also has to be handed back up the whole suspended chain.
     */
    @Async
    static Coroutine<Integer> depth(int n) {
        if (n == 0) {
            await(sleep(0));
            return done(0);
        }
        return done(await(depth(n - 1)) + 1);
    }
}
