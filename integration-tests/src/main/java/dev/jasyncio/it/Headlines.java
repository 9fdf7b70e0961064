package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.examples.FetchDemo;
import dev.jasyncio.tasks.Coroutine;

/**
 * Calls a blueprint of another module, {@link FetchDemo#fetch}, which this compilation knows only
 * from its class file: the processor must still see the {@code @Async} there and call the coroutine.
 */
final class Headlines {

    private Headlines() {}

    @Async
    static Coroutine<String> both(String first, String second) {
        return done(await(FetchDemo.fetch(first, 1)) + " | " + await(FetchDemo.fetch(second, 1)));
    }
}
