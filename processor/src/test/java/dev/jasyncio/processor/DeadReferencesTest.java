package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.assumeJava21;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runJava21;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * A suspended machine must not keep alive what its blueprint no longer uses: locals that are
 * dead at an await are cleared before the machine suspends there. Each test of clearing drops the
 * only strong reference the blueprint had, suspends, and checks from another coroutine that the
 * object can be collected while the machine waits. A local that the machine still reads after the
 * await must not be cleared: the tests of that read it there.
 */
class DeadReferencesTest {

    /** Runs collections until the referent is gone, or gives up after a generous number of tries. */
    private static final String COLLECTOR = """
            final class Collector {
                private Collector() {}

                @Async
                static Coroutine<Boolean> collected(java.lang.ref.WeakReference<?> ref) {
                    for (int i = 0; i < 50 && ref.get() != null; i++) {
                        System.gc();
                        await(later(0));
                    }
                    return done(ref.get() == null);
                }
            }
            """;

    @Test
    void localLastUsedBeforeAnAwaitIsNotRetainedWhileSuspended() {
        assertThat(run("Dropper", source("Collector", COLLECTOR), source("Dropper", """
                class Dropper {
                    @Async
                    static Coroutine<String> main() {
                        byte[] big = new byte[1 << 20];
                        java.lang.ref.WeakReference<byte[]> ref = new java.lang.ref.WeakReference<>(big);
                        int size = big.length;
                        await(later(0));
                        boolean gone = await(Collector.collected(ref));
                        return done(size + ":" + gone);
                    }

                    static Object run() {
                        return EventLoop.run(DropperAsync.main());
                    }
                }
                """))).isEqualTo((1 << 20) + ":true");
    }

    @Test
    void loopVariableIsNotRetainedAfterTheLoop() {
        assertThat(run("LoopDropper", source("Collector", COLLECTOR), source("LoopDropper", """
                class LoopDropper {
                    @Async
                    static Coroutine<String> main() {
                        List<java.lang.ref.WeakReference<Object>> refs = new ArrayList<>();
                        List<Object> items = new ArrayList<>(List.of(new Object(), new Object()));
                        for (Object item : items) {
                            refs.add(new java.lang.ref.WeakReference<>(item));
                            await(later(0));
                        }
                        items.clear();
                        boolean firstGone = await(Collector.collected(refs.get(0)));
                        boolean lastGone = await(Collector.collected(refs.get(1)));
                        return done(firstGone + ":" + lastGone);
                    }

                    static Object run() {
                        return EventLoop.run(LoopDropperAsync.main());
                    }
                }
                """))).isEqualTo("true:true");
    }

    /**
     * Found by the differential fuzzer: an operand written before a switch expression (the array
     * of {@code arr[switch ...]}, an effectively final local the machine reads late instead of
     * saving it) was cleared at an await inside the switch expression, whose case javac counts as a
     * statement that starts after the operand, and the machine then read null.
     */
    @Test
    void operandBeforeASwitchExpressionIsNotClearedAtItsAwaits() {
        assertThat(run("LateOperands", source("LateOperands", """
                class LateOperands {
                    @Async
                    static Coroutine<Integer> read(int k) {
                        int[] arr = {10, 20, 30};
                        return done(arr[switch (k) { case 0 -> 0; default -> await(later(1)); }]);
                    }

                    @Async
                    static Coroutine<Void> store(int[] arr, int k) {
                        arr[switch (k) { case 0 -> 0; default -> { int i = await(later(2)); yield i; } }] = 7;
                        return done(null);
                    }

                    @Async
                    static Coroutine<Void> subtract(int[] arr, int k) {
                        arr[switch (k) { case 0 -> 0; default -> await(later(0)); }] -= 3;
                        return done(null);
                    }

                    @Async
                    static Coroutine<Integer> nested(int k) {
                        int[] outer = {1, 2, 3};
                        int[] inner = {4, 5, 6};
                        return done(outer[switch (k) {
                            case 0 -> 0;
                            default -> {
                                int j = inner[switch (k) { case 0 -> 0; default -> await(later(1)); }];
                                yield j - 4;
                            }
                        }]);
                    }

                    @Async
                    static Coroutine<String> main() {
                        int[] stored = {10, 20, 30};
                        await(store(stored, 1));
                        await(subtract(stored, 1));
                        return done(await(read(1)) + " " + Arrays.toString(stored) + " " + await(nested(1)));
                    }

                    static Object run() {
                        return EventLoop.run(LateOperandsAsync.main());
                    }
                }
                """))).isEqualTo("20 [7, 20, 7] 2");
    }

    /** What the statement around a switch expression no longer uses is still cleared at the switch's awaits. */
    @Test
    void localDeadBeforeASwitchExpressionIsClearedAtItsAwaits() {
        assertThat(run("SwitchDropper", source("Collector", COLLECTOR), source("SwitchDropper", """
                class SwitchDropper {
                    @Async
                    static Coroutine<String> main() {
                        byte[] big = new byte[1 << 20];
                        java.lang.ref.WeakReference<byte[]> ref = new java.lang.ref.WeakReference<>(big);
                        int size = big.length;
                        boolean gone = switch (size) {
                            case 0 -> false;
                            default -> await(Collector.collected(ref));
                        };
                        return done(size + ":" + gone);
                    }

                    static Object run() {
                        return EventLoop.run(SwitchDropperAsync.main());
                    }
                }
                """))).isEqualTo((1 << 20) + ":true");
    }

    /**
     * A for loop's update and condition read its initializer's variables after an await in the
     * body, though they come before it in the source: the analysis took the loop as starting before
     * the initializer, so those variables did not count as declared outside the part that repeats.
     */
    @Test
    void forInitializerVariableIsNotClearedAtAnAwaitInTheBody() {
        assertThat(run("ForUpdate", source("ForUpdate", """
                class ForUpdate {
                    @Async
                    static Coroutine<String> main() {
                        int total = 0;
                        for (StringBuilder sb = new StringBuilder("a"); sb.length() < 4; sb.append('x')) {
                            total += await(later(1));
                        }
                        return done("turns " + total);
                    }

                    static Object run() {
                        return EventLoop.run(ForUpdateAsync.main());
                    }
                }
                """))).isEqualTo("turns 3");
    }

    @Test
    void theSelectorOfASwitchWithAnAwaitingGuardIsNotRetainedOnceACaseIsChosen() {
        assumeJava21();
        assertThat(runJava21("GuardDropper", source("Collector", COLLECTOR), source("GuardDropper", """
                class GuardDropper {
                    @Async
                    static Coroutine<String> main() {
                        List<java.lang.ref.WeakReference<Object>> refs = new ArrayList<>();
                        String result = switch (fresh(refs)) {
                            case String s when await(later(s.isEmpty())) -> "empty";
                            default -> "collected " + await(Collector.collected(refs.get(0)));
                        };
                        return done(result);
                    }

                    static Object fresh(List<java.lang.ref.WeakReference<Object>> refs) {
                        Object big = new byte[1 << 20];
                        refs.add(new java.lang.ref.WeakReference<>(big));
                        return big;
                    }

                    static Object run() {
                        return EventLoop.run(GuardDropperAsync.main());
                    }
                }
                """))).isEqualTo("collected true");
    }

    /**
     * The await before this one in the source cleared what was dead there, but it stands in the
     * else branch: a local used after the await of the then branch was kept through the await after
     * the if statement, since the analysis took the previous await in the source as passed.
     */
    @Test
    void localUsedInTheBranchNotTakenByThePreviousAwaitIsCleared() {
        assertThat(run("BranchDropper", source("Collector", COLLECTOR), source("BranchDropper", """
                class BranchDropper {
                    @Async
                    static Coroutine<String> main(boolean then) {
                        byte[] big = new byte[1 << 20];
                        java.lang.ref.WeakReference<byte[]> ref = new java.lang.ref.WeakReference<>(big);
                        int size = 0;
                        if (then) {
                            await(later(0));
                            size = big.length;
                        } else {
                            await(later(1));
                        }
                        boolean gone = await(Collector.collected(ref));
                        return done(size + ":" + gone);
                    }

                    static Object run() {
                        return EventLoop.run(BranchDropperAsync.main(true));
                    }
                }
                """))).isEqualTo((1 << 20) + ":true");
    }

    /**
     * Makes the object that a test drops: a megabyte array, reachable only through what it returns
     * (in a {@code Box} if {@code boxed}) once {@code refs} holds the weak reference to it.
     */
    private static final String FRESH = """
            final class Fresh {
                private Fresh() {}

                record Box(Object content) {}

                static Object big(List<java.lang.ref.WeakReference<Object>> refs, boolean boxed) {
                    Object big = new byte[1 << 20];
                    refs.add(new java.lang.ref.WeakReference<>(big));
                    return boxed ? new Box(big) : big;
                }
            }
            """;

    /**
     * A pattern binding declared in the statement of an earlier await was never cleared: the
     * analysis cleared only what was touched since the previous await, or live at it, and took a
     * local declared inside that await's own statement as neither.
     */
    @Test
    void instanceofBindingLastUsedBeforeAnAwaitIsNotRetainedAtLaterAwaits() {
        assertThat(run("InstanceofDropper", source("Collector", COLLECTOR), source("Fresh", FRESH), source("InstanceofDropper", """
                class InstanceofDropper {
                    @Async
                    static Coroutine<String> main() {
                        List<java.lang.ref.WeakReference<Object>> refs = new ArrayList<>();
                        if (Fresh.big(refs, false) instanceof byte[] b && await(later(b.length > 0))) {
                            return done("collected " + await(Collector.collected(refs.get(0))));
                        }
                        return done("not matched");
                    }

                    static Object run() {
                        return EventLoop.run(InstanceofDropperAsync.main());
                    }
                }
                """))).isEqualTo("collected true");
    }

    @Test
    void instanceofRecordPatternBindingIsNotRetainedAtLaterAwaits() {
        assumeJava21();
        assertThat(runJava21("RecordPatternDropper", source("Collector", COLLECTOR), source("Fresh", FRESH),
                source("RecordPatternDropper", """
                class RecordPatternDropper {
                    @Async
                    static Coroutine<String> main() {
                        List<java.lang.ref.WeakReference<Object>> refs = new ArrayList<>();
                        if (Fresh.big(refs, true) instanceof Fresh.Box(byte[] b) && await(later(b.length > 0))) {
                            return done("collected " + await(Collector.collected(refs.get(0))));
                        }
                        return done("not matched");
                    }

                    static Object run() {
                        return EventLoop.run(RecordPatternDropperAsync.main());
                    }
                }
                """))).isEqualTo("collected true");
    }

    /**
     * A binding of a switch expression's case, kept in its field because another case awaits, was
     * never cleared at an await after the switch expression in the same statement: the analysis
     * took a local declared inside the statement of an await as live there.
     */
    @Test
    void caseBindingWithAGuardIsNotRetainedAfterItsCase() {
        assumeJava21();
        assertThat(runJava21("CaseDropper", source("Collector", COLLECTOR), source("Fresh", FRESH), source("CaseDropper", """
                class CaseDropper {
                    @Async
                    static Coroutine<String> main() {
                        List<java.lang.ref.WeakReference<Object>> refs = new ArrayList<>();
                        String result = switch (Fresh.big(refs, true)) {
                            case Fresh.Box(byte[] b) when b.length > 0 -> "size " + b.length;
                            default -> await(later("other"));
                        } + " collected " + await(Collector.collected(refs.get(0)));
                        return done(result);
                    }

                    static Object run() {
                        return EventLoop.run(CaseDropperAsync.main());
                    }
                }
                """))).isEqualTo("size " + (1 << 20) + " collected true");
    }

    @Test
    void bindingOfACaseWhoseAwaitingGuardWasFalseIsNotRetained() {
        assumeJava21();
        assertThat(runJava21("FalseGuardDropper", source("Collector", COLLECTOR), source("Fresh", FRESH),
                source("FalseGuardDropper", """
                class FalseGuardDropper {
                    @Async
                    static Coroutine<String> main() {
                        List<java.lang.ref.WeakReference<Object>> refs = new ArrayList<>();
                        String result = switch (Fresh.big(refs, true)) {
                            case Fresh.Box(byte[] b) when await(later(b.length == 0)) -> "empty " + b.length;
                            default -> "collected " + await(Collector.collected(refs.get(0)));
                        };
                        return done(result);
                    }

                    static Object run() {
                        return EventLoop.run(FalseGuardDropperAsync.main());
                    }
                }
                """))).isEqualTo("collected true");
    }

    @Test
    void bindingUsedOnlyInAnAwaitingGuardIsNotRetainedInTheCaseBody() {
        assumeJava21();
        assertThat(runJava21("GuardOnlyDropper", source("Collector", COLLECTOR), source("Fresh", FRESH),
                source("GuardOnlyDropper", """
                class GuardOnlyDropper {
                    @Async
                    static Coroutine<String> main() {
                        List<java.lang.ref.WeakReference<Object>> refs = new ArrayList<>();
                        String result = switch (Fresh.big(refs, false)) {
                            case byte[] b when await(later(b.length > 0)) -> "collected " + await(Collector.collected(refs.get(0)));
                            default -> "other";
                        };
                        return done(result);
                    }

                    static Object run() {
                        return EventLoop.run(GuardOnlyDropperAsync.main());
                    }
                }
                """))).isEqualTo("collected true");
    }

    /**
     * What the clearing of bindings must not clear: a binding read after an await in its case's
     * body or its if's branch, one that a loop binds again in each turn, one read in the same
     * statement after an await in a branch of {@code &&} and of {@code ?:}.
     */
    @Test
    void bindingsReadAfterAnAwaitKeepTheirValues() {
        assumeJava21();
        assertThat(runJava21("LiveBindings", source("LiveBindings", """
                class LiveBindings {
                    record Box(Object content) {}

                    @Async
                    static Coroutine<String> main() {
                        StringBuilder out = new StringBuilder();
                        List<Object> items = List.of("a", new Box("b"), 3, "d");
                        for (Object item : items) {
                            await(later(0));
                            String text = switch (item) {
                                case Box(String s) when await(later(!s.isEmpty())) -> s + await(later("!")) + s;
                                case String s when s.length() == 1 -> await(later(s)) + s.length() + s;
                                default -> "-";
                            };
                            out.append(text);
                            if (item instanceof String s && await(later(true))) {
                                out.append(await(later(":"))).append(s);
                            }
                            out.append(item instanceof Box(String s) && await(later(s)).equals(s) ? s + await(later("#")) + s : ".");
                        }
                        return done(out.toString());
                    }

                    static Object run() {
                        return EventLoop.run(LiveBindingsAsync.main());
                    }
                }
                """))).isEqualTo("a1a:a.b!bb#b-.d1d:d.");
    }
}
