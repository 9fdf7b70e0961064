package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * try/catch/finally with awaits in every block: the machine must run blocks, handlers and
 * finally blocks in the order plain Java does, for every way out of the protected code. Every
 * await really suspends.
 */
class TryLoweringTest {

    @Test
    void anAwaitedFailureIsCaughtByTheMatchingCatchAndTheFinallyRunsOnce() {
        assertThat(runForLog("Caught", source("Caught", """
                class Caught {
                    @Async
                    static Coroutine<String> fail(List<String> log) throws java.io.IOException {
                        await(later(log, "fail", 0));
                        throw new java.io.IOException("disk");
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        try {
                            log.add("try");
                            await(fail(log));
                            log.add("not reached");
                        } catch (IllegalStateException e) {
                            log.add("wrong catch");
                        } catch (java.io.IOException e) {
                            log.add("caught " + e.getMessage());
                            await(later(log, "in catch", 0));
                            log.add("catch still sees " + e.getMessage());
                        } finally {
                            await(later(log, "finally", 0));
                        }
                        log.add("after");
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(CaughtAsync.main());
                    }
                }
                """))).containsExactly("try", "fail", "caught disk", "in catch", "catch still sees disk", "finally", "after")
                .inOrder();
    }

    @Test
    void returnsBreaksAndContinuesRunEveryFinallyTheyLeaveInnermostFirst() {
        assertThat(runForLog("Exits", source("Exits", """
                class Exits {
                    @Async
                    static Coroutine<Integer> returning(List<String> log) {
                        try {
                            try {
                                return done(await(later(log, "compute", 42)));
                            } finally {
                                await(later(log, "inner finally", 0));
                            }
                        } finally {
                            log.add("outer finally");
                        }
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        log.add("returned " + await(returning(log)));
                        outer:
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                try {
                                    try {
                                        await(later(log, i + "" + j, 0));
                                        if (j == 1) {
                                            continue outer;
                                        }
                                        if (i == 2) {
                                            break outer;
                                        }
                                    } finally {
                                        log.add("f1");
                                    }
                                } finally {
                                    await(later(log, "f2", 0));
                                }
                            }
                        }
                        log.add("end");
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ExitsAsync.main());
                    }
                }
                """))).containsExactly("compute", "inner finally", "outer finally", "returned 42",
                "00", "f1", "f2", "01", "f1", "f2",
                "10", "f1", "f2", "11", "f1", "f2",
                "20", "f1", "f2", "end").inOrder();
    }

    @Test
    void aFinallyThatThrowsOrReturnsReplacesThePendingCompletion() {
        assertThat(runForLog("Replaced", source("Replaced", """
                class Replaced {
                    @Async
                    @SuppressWarnings("finally")
                    static Coroutine<String> returnWins(List<String> log) {
                        try {
                            await(later(log, "try", 0));
                            throw new IllegalStateException("lost");
                        } finally {
                            await(later(log, "finally", 0));
                            return done("finally's value");
                        }
                    }

                    @Async
                    @SuppressWarnings("finally")
                    static Coroutine<String> throwWins(List<String> log) {
                        try {
                            return done(await(later(log, "try", "lost value")));
                        } finally {
                            await(later(log, "finally", 0));
                            throw new UnsupportedOperationException("finally's exception");
                        }
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        log.add(await(returnWins(log)));
                        try {
                            log.add(await(throwWins(log)));
                        } catch (UnsupportedOperationException | IllegalStateException e) {
                            log.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ReplacedAsync.main());
                    }
                }
                """))).containsExactly("try", "finally", "finally's value",
                "try", "finally", "UnsupportedOperationException: finally's exception").inOrder();
    }

    @Test
    void anExceptionNoCatchMatchesRunsTheFinallyThenReachesTheEnclosingTry() {
        assertThat(runForLog("Propagates", source("Propagates", """
                class Propagates {
                    @Async
                    static Coroutine<List<String>> main(List<String> log) {
                        try {
                            try {
                                await(later(log, "inner try", 0));
                                Object o = "text";
                                log.add("" + (Integer) o);
                            } catch (IllegalArgumentException e) {
                                log.add("not this one");
                            } finally {
                                await(later(log, "inner finally", 0));
                            }
                            log.add("skipped");
                        } catch (ClassCastException e) {
                            log.add("outer caught ClassCastException");
                            try {
                                throw new IllegalStateException("from catch");
                            } finally {
                                await(later(log, "finally after the catch threw", 0));
                            }
                        } catch (IllegalStateException e) {
                            log.add("a sibling catch never sees what its catch threw");
                        } finally {
                            log.add("outer finally");
                        }
                        return done(log);
                    }

                    static Object run() {
                        List<String> log = new ArrayList<>();
                        try {
                            EventLoop.run(PropagatesAsync.main(log));
                        } catch (IllegalStateException e) {
                            log.add("run() got " + e.getMessage());
                        }
                        return log;
                    }
                }
                """))).containsExactly("inner try", "inner finally", "outer caught ClassCastException",
                "finally after the catch threw", "outer finally", "run() got from catch").inOrder();
    }

    @Test
    void resourcesCloseInReverseOrderOnEveryExitWithSuppressedExceptionsAttached() {
        assertThat(runForLog("Resources", source("Resources", """
                class Resources {
                    record Res(String name, List<String> log, boolean failOnClose) implements AutoCloseable {
                        @Override
                        public void close() {
                            log.add("close " + name);
                            if (failOnClose) {
                                throw new IllegalStateException("close " + name + " failed");
                            }
                        }
                    }

                    @Async
                    static Coroutine<Integer> body(List<String> log, int exit) {
                        try (Res a = await(later(log, "open a", new Res("a", log, false)));
                             var b = new Res("b", log, exit == 2)) {
                            await(later(log, "use " + a.name() + b.name(), 0));
                            if (exit == 1) {
                                return done(1);
                            }
                            if (exit == 2) {
                                throw new IllegalArgumentException("body failed");
                            }
                        } catch (IllegalArgumentException e) {
                            log.add("caught " + e.getMessage() + " suppressing " + e.getSuppressed()[0].getMessage());
                            await(later(log, "in catch", 0));
                        } finally {
                            log.add("finally");
                        }
                        return done(0);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (int exit = 0; exit < 3; exit++) {
                            log.add("-> " + await(body(log, exit)));
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ResourcesAsync.main());
                    }
                }
                """))).containsExactly(
                "open a", "use ab", "close b", "close a", "finally", "-> 0",
                "open a", "use ab", "close b", "close a", "finally", "-> 1",
                "open a", "use ab", "close b", "close a", "caught body failed suppressing close b failed", "in catch",
                "finally", "-> 0").inOrder();
    }

    @Test
    void anAsyncResourceIsClosedByAwaitingItOnEveryExit() {
        assertThat(runForLog("AsyncResources", source("AsyncResources", """
                class AsyncResources {
                    static final class Connection implements dev.jasyncio.AsyncCloseable {
                        final List<String> log;
                        final boolean failOnClose;

                        Connection(List<String> log, boolean failOnClose) {
                            this.log = log;
                            this.failOnClose = failOnClose;
                        }

                        @Async
                        Coroutine<Void> goodbye() {
                            log.add("closing");
                            await(sleep(0));
                            log.add("closed");
                            if (failOnClose) {
                                throw new IllegalStateException("goodbye failed");
                            }
                            return done(null);
                        }

                        @Override
                        public dev.jasyncio.tasks.Awaitable<Void> closeAsync() {
                            return AsyncResources_ConnectionAsync.goodbye(this);
                        }
                    }

                    @Async
                    static Coroutine<String> use(List<String> log, boolean failInBody, boolean failOnClose) {
                        try (Connection c = new Connection(log, failOnClose)) {
                            await(later(c.log, "use", 0));
                            if (failInBody) {
                                throw new IllegalArgumentException("body failed");
                            }
                            return done("ok");
                        }
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        log.add(await(use(log, false, false)));
                        try {
                            await(use(log, true, true));
                        } catch (IllegalArgumentException e) {
                            log.add(e.getMessage() + ", suppressed: " + e.getSuppressed()[0].getMessage());
                        }
                        try {
                            await(use(log, false, true));
                        } catch (IllegalStateException e) {
                            log.add(e.getMessage());
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(AsyncResourcesAsync.main());
                    }
                }
                """))).containsExactly(
                "use", "closing", "closed", "ok",
                "use", "closing", "closed", "body failed, suppressed: goodbye failed",
                "use", "closing", "closed", "goodbye failed").inOrder();
    }

    /** Found by the differential fuzzer: the copied resource's type was not imported into the companion. */
    @Test
    void aTryWithResourcesWithoutAwaitIsCopiedWithItsResourceTypeImported() {
        assertThat(runForLog("CopiedResources", source("CopiedResources", """
                class CopiedResources {
                    record Res(String name, List<String> log) implements AutoCloseable {
                        @Override
                        public void close() {
                            log.add("close " + name);
                        }
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (int i = 0; i < 2; i++) {
                            try (Res r = new Res("r" + i, log)) {
                                log.add("use " + r.name());
                            }
                            await(later(log, "await " + i, 0));
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(CopiedResourcesAsync.main());
                    }
                }
                """))).containsExactly("use r0", "close r0", "await 0", "use r1", "close r1", "await 1").inOrder();
    }

    @Test
    void aCheckedExceptionOfAForeignAwaitableIsCaughtWhereAwaitDeclaresIt() {
        assertThat(runForLog("Checked", source("Checked", """
                class Checked {
                    @Async
                    static Coroutine<String> download(String url) throws java.io.IOException {
                        await(sleep(0));
                        throw new java.io.IOException("no route to " + url);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        AsyncFuture<String> future = new AsyncFuture<>();
                        getRunningLoop().callSoon(() -> future.setException(new java.io.IOException("no route to a")));
                        try {
                            log.add(await(future, java.io.IOException.class));
                        } catch (java.io.IOException e) {
                            log.add("future: " + e.getMessage());
                        }
                        try {
                            log.add(await(download("b")));
                        } catch (java.io.IOException e) {
                            log.add("blueprint: " + e.getMessage());
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(CheckedAsync.main());
                    }
                }
                """))).containsExactly("future: no route to a", "blueprint: no route to b").inOrder();
    }

    /** Found by the differential fuzzer: the resources were cleared as dead at the await, so nothing was closed. */
    @Test
    void resourcesNotNamedAfterAnAwaitAreStillClosed() {
        assertThat(runForLog("Unnamed", source("Unnamed", """
                class Unnamed {
                    record Res(String name, List<String> log) implements AutoCloseable {
                        @Override
                        public void close() {
                            log.add("close " + name);
                        }
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        try (Res r = new Res("r", log); Res q = new Res("q", log)) {
                            log.add(r.name() + q.name());
                            log.add("awaited " + await(later(1)));
                        }
                        try (Res s = new Res("s", log)) {
                            log.add(s.name());
                            await(failing());
                        } catch (IllegalStateException e) {
                            log.add("caught " + e.getMessage());
                        }
                        return done(log);
                    }

                    @Async
                    static Coroutine<Void> failing() {
                        await(sleep(0));
                        throw new IllegalStateException("awaited failure");
                    }

                    static Object run() {
                        return EventLoop.run(UnnamedAsync.main());
                    }
                }
                """))).containsExactly("rq", "awaited 1", "close q", "close r", "s", "close s", "caught awaited failure")
                .inOrder();
    }

    /**
     * Found by the differential fuzzer: a jump out of a copied try statement (one without an await)
     * into lowered code set the machine's label before Java closed the copy's resource, so the
     * close's exception was handled where the jump went: the outer resource was not closed, and a
     * catch around the try was skipped. Such a try is lowered now.
     */
    @Test
    void failingCloseOnAJumpOutOfATryWithoutAwaitIsHandledAroundTheTry() {
        assertThat(runForLog("JumpOut", source("JumpOut", """
                class JumpOut {
                    record Res(String name, List<String> log) implements AutoCloseable {
                        @Override
                        public void close() {
                            log.add("close " + name);
                            throw new IllegalStateException("close " + name + " failed");
                        }
                    }

                    @Async
                    static Coroutine<String> returning(List<String> log) {
                        try (Res outer = new Res("outer", log)) {
                            try (Res inner = new Res("inner", log)) {
                                return done(outer.name() + inner.name());
                            }
                        } finally {
                            log.add("finally " + await(later(1)));
                        }
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        try {
                            log.add(await(returning(log)));
                        } catch (IllegalStateException e) {
                            log.add("caught " + e.getMessage() + ", suppressed " + e.getSuppressed()[0].getMessage());
                        }
                        int turns = 0;
                        loop:
                        while (turns++ < 2) {
                            try {
                                await(later(0));
                                try (Res r = new Res("r", log)) {
                                    log.add(r.name());
                                    break loop;
                                }
                            } catch (IllegalStateException e) {
                                log.add("caught " + e.getMessage());
                            }
                        }
                        log.add("turns " + turns);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(JumpOutAsync.main());
                    }
                }
                """))).containsExactly("close inner", "close outer", "finally 1",
                "caught close inner failed, suppressed close outer failed",
                "r", "close r", "caught close r failed", "r", "close r", "caught close r failed", "turns 3").inOrder();
    }
}
