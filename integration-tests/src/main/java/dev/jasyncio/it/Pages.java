package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import java.util.ArrayList;
import java.util.List;

/** A paged remote listing, and a flaky service that needs retries: loops whose conditions await or depend on awaits. */
final class Pages {
    final List<List<String>> pages;
    final int failuresBeforeSuccess;
    int attempts;

    Pages(List<List<String>> pages, int failuresBeforeSuccess) {
        this.pages = List.copyOf(pages);
        this.failuresBeforeSuccess = failuresBeforeSuccess;
    }

    /** Page {@code number}, or an empty page past the last one. */
    @Async
    Coroutine<List<String>> page(int number) {
        await(sleep(1));
        return done(number < pages.size() ? pages.get(number) : List.of());
    }

    /** Reads pages until an empty one: the await sits in the loop's condition. */
    @Async
    Coroutine<List<String>> readAll() {
        List<String> all = new ArrayList<>();
        int number = 0;
        List<String> page;
        while (!(page = await(page(number++))).isEmpty()) {
            all.addAll(page);
        }
        return done(all);
    }

    /** Fails {@code failuresBeforeSuccess} times, then answers. */
    @Async
    Coroutine<Boolean> ping() {
        await(sleep(1));
        attempts++;
        return done(attempts > failuresBeforeSuccess);
    }

    /** Retries up to {@code maxAttempts} times: a do-while loop over an await. */
    @Async
    Coroutine<Boolean> pingWithRetries(int maxAttempts) {
        int tries = 0;
        boolean answered;
        do {
            tries++;
            answered = await(ping());
        } while (!answered && tries < maxAttempts);
        return done(answered);
    }
}
