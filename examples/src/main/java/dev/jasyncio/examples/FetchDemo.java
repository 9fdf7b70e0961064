package dev.jasyncio.examples;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.getRunningLoop;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Coroutine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The asyncio seed example: fetching three items one after another takes three times as long as
 * fetching them concurrently with {@code gather}, because every fetch spends its time waiting.
 *
 * <p>The phases report through a {@code Consumer<String>} rather than straight to
 * {@code System.out} so that a test can run the same code, read what it reported, and compare the
 * timings it returns.
 */
public final class FetchDemo {

    /** Long enough that the loop's overhead is noise next to it, short enough for a quick demo. */
    static final long DELAY_MS = 500;

    static final List<String> ITEMS = List.of("A", "B", "C");

    private FetchDemo() {}

    /** Stands for any I/O-bound call: it waits {@code delayMs} without blocking the loop. */
    @Async
    public static Coroutine<String> fetch(String item, long delayMs) {
        await(sleep(delayMs));
        return done("Data from " + item);
    }

    /** Awaits each fetch before starting the next one, reporting each result as it arrives. */
    @Async
    public static Coroutine<Phase> fetchSequentially(List<String> items, long delayMs, Consumer<String> report) {
        long start = getRunningLoop().time();
        List<String> results = new ArrayList<>();
        for (String item : items) {
            String result = await(fetch(item, delayMs));
            report.accept(result);
            results.add(result);
        }
        return done(new Phase(results, Duration.ofNanos(getRunningLoop().time() - start)));
    }

    /** Starts every fetch at once with {@code gather}, which gives the results in argument order. */
    @Async
    public static Coroutine<Phase> fetchConcurrently(List<String> items, long delayMs, Consumer<String> report) {
        long start = getRunningLoop().time();
        List<Coroutine<String>> fetches = new ArrayList<>();
        for (String item : items) {
            fetches.add(fetch(item, delayMs));
        }
        List<String> results = await(gather(fetches));
        for (String result : results) {
            report.accept(result);
        }
        return done(new Phase(results, Duration.ofNanos(getRunningLoop().time() - start)));
    }

    /** Runs both phases over the same items and reports how long each took. */
    @Async
    public static Coroutine<Comparison> main(List<String> items, long delayMs, Consumer<String> report) {
        report.accept("Sequential:");
        Phase sequential = await(fetchSequentially(items, delayMs, report));
        report.accept("  took " + sequential.elapsed().toMillis() + " ms");
        report.accept("Concurrent (gather):");
        Phase concurrent = await(fetchConcurrently(items, delayMs, report));
        report.accept("  took " + concurrent.elapsed().toMillis() + " ms");
        Comparison comparison = new Comparison(sequential, concurrent);
        report.accept(String.format(Locale.ROOT, "Concurrent took %.2f of the sequential time", comparison.ratio()));
        return done(comparison);
    }

    public static void main(String[] args) {
        EventLoop.run(FetchDemoAsync.main(ITEMS, DELAY_MS, System.out::println));
    }

    /** What one phase fetched, in the order of its items, and how long it took on the loop's clock. */
    public record Phase(List<String> results, Duration elapsed) {}

    /** The two phases of the demo side by side. */
    public record Comparison(Phase sequential, Phase concurrent) {

        /** Concurrent time over sequential time: about 1/n for n fetches of equal delay. */
        public double ratio() {
            return (double) concurrent.elapsed().toNanos() / sequential.elapsed().toNanos();
        }
    }
}
