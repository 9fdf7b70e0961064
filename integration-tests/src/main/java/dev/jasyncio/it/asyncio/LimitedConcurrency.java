package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Held;
import dev.jasyncio.sync.Semaphore;
import dev.jasyncio.tasks.Coroutine;
import java.util.ArrayList;
import java.util.List;

/** asyncio's semaphore example: five workers, at most two at a time. */
final class LimitedConcurrency {

    private LimitedConcurrency() {}

    @Async
    @SuppressWarnings("try") // the block never names the permit: holding it is the point
    static Coroutine<Void> worker(Semaphore semaphore, int id, Report report) {
        try (Held permit = await(semaphore.acquire())) {
            report.running++;
            report.most = Math.max(report.most, report.running);
            report.out.add("worker " + id + " starts, " + report.running + " running");
            await(sleep(0));
            await(sleep(0));
            report.out.add("worker " + id + " done");
            report.running--;
        }
        return done(null);
    }

    @Async
    static Coroutine<Report> main(int workers, int atOnce) {
        Report report = new Report();
        Semaphore semaphore = new Semaphore(atOnce);
        List<Coroutine<Void>> all = new ArrayList<>();
        for (int id = 0; id < workers; id++) {
            all.add(worker(semaphore, id, report));
        }
        await(gather(all));
        report.out.add("most at once: " + report.most);
        return done(report);
    }

    /** What the run printed, and how many workers ran at once at most. */
    static final class Report {
        final List<String> out = new ArrayList<>();
        int running;
        int most;
    }
}
