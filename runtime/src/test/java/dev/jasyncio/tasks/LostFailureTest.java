package dev.jasyncio.tasks;

import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import dev.jasyncio.testing.Collecting;
import dev.jasyncio.testing.Reports;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure nobody retrieves is reported once: when its task is collected or when the loop closes. */
class LostFailureTest {

    @Test
    void aFailedTaskThatIsCollectedUnretrievedIsReportedWhileTheLoopRuns() {
        IllegalStateException lost = new IllegalStateException("lost in the heap");
        Reports[] reports = new Reports[1];
        EventLoop.run(Steps.of(
                m -> {
                    reports[0] = Reports.on(EventLoop.getRunningLoop());
                    createTask(Steps.throwing(lost), "forgotten");
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    return awaiting(sleep(0));
                },
                Collecting.until(() -> !reports[0].contexts().isEmpty())));
        List<ExceptionContext> contexts = reports[0].contexts();
        assertEquals(1, contexts.size(), "reported once, by the collection, not again at close: " + contexts);
        assertEquals("Task exception was never retrieved", contexts.get(0).message());
        assertSame(lost, contexts.get(0).exception());
        assertEquals("forgotten (dev.jasyncio.testing.Steps)", contexts.get(0).source());
    }

    @Test
    void aFailureStillUnretrievedWhenTheLoopClosesIsReportedWithItsTaskThenNeverAgain() {
        IllegalArgumentException lost = new IllegalArgumentException("lost at close");
        EventLoop loop = new EventLoop();
        Reports reports = Reports.on(loop);
        Task<String> task = loop.createTask(Steps.throwing(lost));
        Turns.run(loop, 1);
        loop.close();
        assertEquals(1, reports.contexts().size());
        assertSame(task, reports.contexts().get(0).source());
        assertSame(lost, reports.contexts().get(0).exception());
        task.exception();
        assertEquals(1, reports.contexts().size());
    }

    @Test
    void cancellingAFailedTaskMeansNobodyWantsItsFailure() {
        EventLoop loop = new EventLoop();
        Reports reports = Reports.on(loop);
        Task<String> task = loop.createTask(Steps.throwing(new IllegalArgumentException("unwanted")));
        Turns.run(loop, 1);
        assertTrue(!task.cancel());
        loop.close();
        assertEquals(List.of(), reports.contexts());
    }
}
