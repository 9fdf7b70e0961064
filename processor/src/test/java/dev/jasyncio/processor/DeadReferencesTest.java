package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * A suspended machine must not keep alive what its blueprint no longer uses: locals that are
 * dead at an await are cleared before the machine suspends there. Each test drops the only strong
 * reference the blueprint had, suspends, and checks from another coroutine that the object can be
 * collected while the machine waits.
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
}
