package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.examples.FetchDemo.Comparison;
import dev.jasyncio.examples.FetchDemoAsync;
import dev.jasyncio.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's demo, measured: gather overlaps the waits that the sequential version adds up. */
class FetchDemoTimingTest {
    private static final long DELAY_MS = 100;
    private static final List<String> ITEMS = List.of("A", "B", "C");
    private static final List<String> RESULTS = List.of("Data from A", "Data from B", "Data from C");

    @Test
    void gatherTakesAboutOneDelayWhereTheSequentialFetchesTakeThree() {
        Comparison comparison = EventLoop.run(FetchDemoAsync.main(ITEMS, DELAY_MS, line -> {}));

        double sequentialDelays = comparison.sequential().elapsed().toNanos() / (DELAY_MS * 1e6);
        assertTrue(sequentialDelays >= ITEMS.size(), "three sleeps in a row take at least three delays, took "
                + sequentialDelays);
        assertTrue(comparison.ratio() < 0.6, "concurrent/sequential = " + comparison.ratio());
    }

    @Test
    void bothPhasesGiveAndReportTheResultsInArgumentOrder() {
        List<String> report = new ArrayList<>();
        Comparison comparison = EventLoop.run(FetchDemoAsync.main(ITEMS, 1, report::add));

        assertEquals(RESULTS, comparison.sequential().results());
        assertEquals(RESULTS, comparison.concurrent().results());
        List<String> results = report.stream().filter(line -> line.startsWith("Data from")).toList();
        assertEquals(List.of("Data from A", "Data from B", "Data from C",
                "Data from A", "Data from B", "Data from C"), results);
        assertEquals("Sequential:", report.get(0));
        assertTrue(report.get(report.size() - 1).startsWith("Concurrent took "), report::toString);
    }
}
