package dev.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.testing.Steps;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exception that leaves a machine's {@code step()} names the blueprint's file and line instead
 * of the machine's. The machines here are written by hand the way the processor writes them: their
 * {@code blueprintFrame} reads a line table through {@link BlueprintTraces#frame}.
 */
class BlueprintTracesTest {

    /**
     * Throws from {@code step()}; its table maps the line of the throw to line 42 of
     * {@code Blueprint.java}, and the lines before it to line 40.
     */
    private static final class Failing extends Coroutine<String> {
        private int throwLine;
        private final RuntimeException cause;

        Failing(RuntimeException cause) {
            this.cause = cause;
        }

        @Override
        protected Object step() {
            // one line, so that the line read here is the line of the throw
            throwLine = new Throwable().getStackTrace()[0].getLineNumber(); throw new IllegalStateException("boom", cause);
        }

        @Override
        protected StackTraceElement blueprintFrame(int generatedLine) {
            return BlueprintTraces.frame("demo.Blueprint", "fetch", "Blueprint.java", "1=40 " + throwLine + "=42", generatedLine);
        }
    }

    /** Awaits a child that fails; its own table maps every line, so only frames of its class could change. */
    private static final class Parent extends Coroutine<String> {
        private final Coroutine<String> child;

        Parent(Coroutine<String> child) {
            this.child = child;
        }

        @Override
        protected Object step() {
            if (label == 0) {
                label = 1;
                if (awaitSuspends(child)) {
                    return SUSPENDED;
                }
            }
            return resumeValue();
        }

        @Override
        protected StackTraceElement blueprintFrame(int generatedLine) {
            return BlueprintTraces.frame("demo.Blueprint", "parent", "Blueprint.java", "1=7", generatedLine);
        }
    }

    /** Awaits a child and lets its exception through; it knows the blueprint line of its await. */
    private static final class Caller extends Coroutine<String> {
        private final String method;
        private final int awaitLine;
        private final Coroutine<String> child;

        Caller(String method, int awaitLine, Coroutine<String> child) {
            this.method = method;
            this.awaitLine = awaitLine;
            this.child = child;
        }

        @Override
        protected Object step() {
            if (label == 0) {
                label = 1;
                if (awaitSuspends(child)) {
                    return SUSPENDED;
                }
            }
            return resumeValue();
        }

        @Override
        protected StackTraceElement resumePoint() {
            return new StackTraceElement("demo.Blueprint", method, "Blueprint.java", awaitLine);
        }
    }

    @Test
    void theAwaitsAnExceptionPassesThroughFollowItsFrameLikeASynchronousCallChain() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> EventLoop.run(new Caller("outer", 21, new Caller("middle", 14, new Failing(null)))));
        List<String> frames = frameNames(thrown);
        assertEquals(List.of("demo.Blueprint.fetch", "demo.Blueprint.middle", "demo.Blueprint.outer", Task.class.getName() + ".drive"),
                frames.subList(0, 4));
        assertEquals("demo.Blueprint.middle(Blueprint.java:14)", thrown.getStackTrace()[1].toString());
        assertEquals("demo.Blueprint.outer(Blueprint.java:21)", thrown.getStackTrace()[2].toString());
    }

    @Test
    void aCallerThatCatchesAndThrowsAnotherExceptionAddsNoFrameToTheFirst() {
        IllegalStateException inner = new IllegalStateException("inner");
        Coroutine<String> wrapping = new Coroutine<>() {
            @Override
            protected Object step() {
                if (label == 0) {
                    label = 1;
                    if (awaitSuspends(new Caller("middle", 14, Steps.throwing(inner)))) {
                        return SUSPENDED;
                    }
                }
                try {
                    return resumeValue();
                } catch (IllegalStateException e) {
                    throw new IllegalArgumentException("wrapped", e);
                }
            }
        };
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> EventLoop.run(wrapping));
        assertEquals(inner, thrown.getCause());
        assertEquals(1, frameNames(inner).stream().filter(name -> name.startsWith("demo.")).count(),
                "only the middle frame, which let the exception through");
    }

    @Test
    void theMachinesFrameBecomesTheBlueprintsFrame() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> EventLoop.run(new Failing(null)));
        StackTraceElement top = thrown.getStackTrace()[0];
        assertEquals(new StackTraceElement("demo.Blueprint", "fetch", "Blueprint.java", 42), top);
        assertEquals("demo.Blueprint.fetch(Blueprint.java:42)", top.toString());
    }

    @Test
    void aFrameRewrittenOnceStaysAsTheExceptionLeavesTheAwaitingMachines() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> EventLoop.run(new Parent(new Parent(new Failing(null)))));
        assertEquals("demo.Blueprint.fetch(Blueprint.java:42)", thrown.getStackTrace()[0].toString());
        assertEquals(List.of(), frameNames(thrown).stream().filter(name -> name.contains("parent")).toList());
    }

    @Test
    void theCausesFramesAreRewrittenToo() {
        RuntimeException cause = new RuntimeException("cause");
        StackTraceElement[] causeTrace = cause.getStackTrace().clone();
        causeTrace[0] = new StackTraceElement(Failing.class.getName(), "step", "BlueprintTracesTest.java", 1);
        cause.setStackTrace(causeTrace);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> EventLoop.run(new Failing(cause)));
        assertEquals("demo.Blueprint.fetch(Blueprint.java:42)", thrown.getStackTrace()[0].toString());
        assertEquals("demo.Blueprint.fetch(Blueprint.java:40)", cause.getStackTrace()[0].toString());
    }

    @Test
    void otherClassesFramesAreLeftAsTheyAre() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> EventLoop.run(new Failing(null)));
        List<String> rest = frameNames(thrown).subList(1, thrown.getStackTrace().length);
        assertEquals(List.of(), rest.stream().filter(name -> name.startsWith("demo.")).toList());
        assertEquals(Task.class.getName() + ".drive", rest.get(0));
    }

    @Test
    void stepLinesMapRunsOfSingleLinesCopiedLinesAndNone() {
        String table = "10=3 12=5+ 15=- 20=9";
        assertNull(BlueprintTraces.frame("C", "m", "C.java", table, 9));
        assertEquals(3, BlueprintTraces.frame("C", "m", "C.java", table, 10).getLineNumber());
        assertEquals(3, BlueprintTraces.frame("C", "m", "C.java", table, 11).getLineNumber());
        assertEquals(5, BlueprintTraces.frame("C", "m", "C.java", table, 12).getLineNumber());
        assertEquals(7, BlueprintTraces.frame("C", "m", "C.java", table, 14).getLineNumber());
        assertNull(BlueprintTraces.frame("C", "m", "C.java", table, 15));
        assertNull(BlueprintTraces.frame("C", "m", "C.java", table, 19));
        assertEquals(9, BlueprintTraces.frame("C", "m", "C.java", table, 400).getLineNumber());
        assertNull(BlueprintTraces.frame("C", "m", "C.java", "", 10));
    }

    @Test
    void resumeLinesMapEachLabel() {
        String table = "0=11 1=14 12=30";
        assertEquals(new StackTraceElement("demo.C", "m", "C.java", 11), BlueprintTraces.resumeFrame("demo.C", "m", "C.java", table, 0));
        assertEquals(30, BlueprintTraces.resumeFrame("demo.C", "m", "C.java", table, 12).getLineNumber());
        assertNull(BlueprintTraces.resumeFrame("demo.C", "m", "C.java", table, 2));
    }

    private static List<String> frameNames(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace()).map(f -> f.getClassName() + "." + f.getMethodName()).toList();
    }
}
