package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import java.util.List;

/** Parses numbers that arrive slowly; a bad one fails the whole sum with the parser's own exception. */
final class Numbers {

    private Numbers() {}

    @Async
    static Coroutine<Integer> parse(String text) {
        await(sleep(0));
        return done(Integer.parseInt(text));
    }

    @Async
    static Coroutine<Integer> sum(List<String> texts) {
        int sum = 0;
        for (String text : texts) {
            sum += await(parse(text));
        }
        return done(sum);
    }
}
