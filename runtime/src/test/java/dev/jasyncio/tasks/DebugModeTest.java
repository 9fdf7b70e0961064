package dev.jasyncio.tasks;

import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import dev.jasyncio.testing.Collecting;
import dev.jasyncio.testing.LogRecords;
import dev.jasyncio.testing.Reports;
import dev.jasyncio.testing.Steps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Debug mode: slow steps are logged, coroutines never awaited are reported with their creation place. */
class DebugModeTest {

    /** A machine as the processor generates it: it knows its blueprint line. */
    private static final class Blueprinted extends Coroutine<String> {
        private final long spinMillis;

        Blueprinted(long spinMillis) {
            this.spinMillis = spinMillis;
        }

        @Override
        protected Object step() {
            if (label == 0) {
                long end = System.nanoTime() + Duration.ofMillis(spinMillis).toNanos();
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                label = 1;
                if (awaitSuspends(sleep(0))) {
                    return SUSPENDED;
                }
            }
            resumeValue();
            return "done";
        }

        @Override
        protected StackTraceElement resumePoint() {
            return new StackTraceElement("demo.Fetcher", "fetch", "Fetcher.java", 12 + label);
        }
    }

    @Test
    void aStepThatHoldsTheLoopTooLongIsLoggedWithTheTaskAndTheBlueprintLine() {
        try (LogRecords logged = LogRecords.capture(); EventLoop loop = new EventLoop()) {
            assertFalse(loop.isDebug(), "off unless asked for");
            loop.setDebug(true);
            assertEquals(Duration.ofMillis(100), loop.getSlowCallbackDuration());
            Task<String> task = loop.createTask(new Blueprinted(200));
            task.setName("slow fetch");
            loop.createTask(new Blueprinted(0));
            assertEquals("done", loop.runUntilComplete(task));
            List<String> slow = logged.records().stream()
                    .filter(r -> r.getMessage().startsWith("Executing"))
                    .map(LogRecord::getMessage)
                    .toList();
            assertEquals(1, slow.size(), slow::toString);
            assertTrue(slow.get(0).startsWith("Executing slow fetch at demo.Fetcher.fetch(Fetcher.java:13) took 0."),
                    slow.get(0));
            assertEquals(Level.WARNING, logged.records().get(0).getLevel());
        }
    }

    @Test
    void withoutDebugModeNoStepIsTimed() {
        try (LogRecords logged = LogRecords.capture(); EventLoop loop = new EventLoop()) {
            loop.setSlowCallbackDuration(Duration.ofMillis(1));
            loop.runUntilComplete(loop.createTask(new Blueprinted(20)));
            assertEquals(List.of(), logged.records());
        }
    }

    @Test
    void aHandWrittenCoroutineIsNamedByItsClass() {
        try (LogRecords logged = LogRecords.capture(); EventLoop loop = new EventLoop()) {
            loop.setDebug(true);
            loop.setSlowCallbackDuration(Duration.ofMillis(10));
            loop.runUntilComplete(loop.createTask(Steps.of(m -> {
                Thread.sleep(30);
                return null;
            })));
            assertTrue(logged.records().get(0).getMessage().startsWith("Executing Task-1 at dev.jasyncio.testing.Steps took "),
                    logged.records().get(0).getMessage());
        }
    }

    @Test
    void aCoroutineCreatedAndNeverAwaitedIsReportedWithWhereItWasCreated() {
        Reports[] reports = new Reports[1];
        EventLoop.run(Steps.of(
                m -> {
                    EventLoop loop = EventLoop.getRunningLoop();
                    loop.setDebug(true);
                    reports[0] = Reports.on(loop);
                    createAndForget();
                    return awaiting(Steps.returning("awaited, so not reported"));
                },
                Collecting.until(() -> !reports[0].contexts().isEmpty())));
        List<ExceptionContext> contexts = reports[0].contexts();
        assertEquals(1, contexts.size(), contexts::toString);
        ExceptionContext context = contexts.get(0);
        assertEquals("Coroutine was never awaited: dev.jasyncio.tasks.DebugModeTest$Blueprinted", context.message());
        assertTrue(Arrays.stream(context.exception().getStackTrace())
                        .anyMatch(frame -> frame.getMethodName().equals("createAndForget")),
                Arrays.toString(context.exception().getStackTrace()));
    }

    @Test
    void theSystemPropertyPutsEveryLoopInDebugMode() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Djasyncio.debug=true", "-cp", System.getProperty("java.class.path"),
                PropertyProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, probe.waitFor(), output);
        assertEquals("debug=true", output);
    }

    /** Run in a JVM of its own, since the property is read once. */
    static final class PropertyProbe {
        public static void main(String[] args) {
            try (EventLoop loop = new EventLoop()) {
                System.out.println("debug=" + loop.isDebug());
            }
        }
    }

    private static void createAndForget() {
        new Blueprinted(0).getClass();
    }
}
