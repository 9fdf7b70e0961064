package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runsOrIsRejectedClearly;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * Regression cases from a second adversarial review, kept so the bugs stay fixed. Each test asserts what plain Java (or, for
 * the runtime, Python's asyncio) does with the same code, or, where the processor may reasonably
 * refuse the construct, that it refuses it with one of its own tagged errors in the user's file.
 */
class SecondReviewTest {

    // ---- instance blueprints and dynamic dispatch ----

    @Test
    void callOfAnOverriddenInstanceBlueprintDispatchesOnTheRuntimeClass() {
        runsOrIsRejectedClearly("Dispatch", """
                class Dispatch {
                    static class Animal {
                        @Async
                        Coroutine<String> sound() {
                            await(later(0));
                            return done("...");
                        }
                    }

                    static class Dog extends Animal {
                        @java.lang.Override
                        @Async
                        Coroutine<String> sound() {
                            await(later(0));
                            return done("woof");
                        }
                    }

                    @Async
                    static Coroutine<String> main() {
                        Animal a = new Dog();
                        return done(await(a.sound()));
                    }

                    static Object run() {
                        return EventLoop.run(DispatchAsync.main());
                    }
                }
                """, "woof");
    }

    @Test
    void blueprintImplementingAnInterfaceMethodRunsWhenCalledThroughTheInterface() {
        runsOrIsRejectedClearly("ThroughInterface", """
                class ThroughInterface {
                    interface Source {
                        Coroutine<String> fetch(String url);
                    }

                    static final class Slow implements Source {
                        @java.lang.Override
                        @Async
                        public Coroutine<String> fetch(String url) {
                            await(later(0));
                            return done("slow " + url);
                        }
                    }

                    @Async
                    static Coroutine<String> main() {
                        Source source = new Slow();
                        return done(await(source.fetch("x")));
                    }

                    static Object run() {
                        return EventLoop.run(ThroughInterfaceAsync.main());
                    }
                }
                """, "slow x");
    }

    // ---- inner classes of the host ----

    @Test
    void instanceBlueprintCreatesAnInnerClassOfItsHost() {
        assertThat(run("InnerCreation", source("InnerCreation", """
                class InnerCreation {
                    int base = 100;

                    class Inner {
                        final int v;

                        Inner(int v) {
                            this.v = v + base;
                        }
                    }

                    @Async
                    Coroutine<Integer> make() {
                        Inner i = new Inner(1);
                        await(later(0));
                        return done(i.v);
                    }

                    static Object run() {
                        return EventLoop.run(InnerCreationAsync.make(new InnerCreation()));
                    }
                }
                """))).isEqualTo(101);
    }

    @Test
    void instanceBlueprintCreatesAnInnerClassOfItsHostWithAnAwaitedArgument() {
        assertThat(run("InnerCreationAwait", source("InnerCreationAwait", """
                class InnerCreationAwait {
                    int base = 100;

                    class Inner {
                        final int v;

                        Inner(int v) {
                            this.v = v + base;
                        }
                    }

                    @Async
                    Coroutine<Integer> make() {
                        return done(new Inner(await(later(2))).v);
                    }

                    static Object run() {
                        return EventLoop.run(InnerCreationAwaitAsync.make(new InnerCreationAwait()));
                    }
                }
                """))).isEqualTo(102);
    }

    // ---- checked exceptions declared by blueprints ----

    @Test
    void unboxingOfTheOldValueOfACompoundAssignmentToAFieldFailsBeforeTheAwait() {
        assertThat(run("UnboxCompoundField", source("UnboxCompoundField", """
                class UnboxCompoundField {
                    static Integer total;

                    @Async
                    static Coroutine<Integer> main(List<String> log) {
                        total += await(later(log, "awaited", 1));
                        return done(total);
                    }

                    static Object run() {
                        List<String> log = new ArrayList<>();
                        try {
                            EventLoop.run(UnboxCompoundFieldAsync.main(log));
                        } catch (NullPointerException e) {
                            log.add("npe");
                        }
                        return log;
                    }
                }
                """))).isEqualTo(java.util.List.of("npe"));
    }

    @Test
    void unboxingOfTheOldValueOfACompoundAssignmentToALocalFailsBeforeTheAwait() {
        assertThat(run("UnboxCompoundLocal", source("UnboxCompoundLocal", """
                class UnboxCompoundLocal {
                    @Async
                    static Coroutine<Integer> main(List<String> log) {
                        Integer n = null;
                        n += await(later(log, "awaited", 1));
                        return done(n);
                    }

                    static Object run() {
                        List<String> log = new ArrayList<>();
                        try {
                            EventLoop.run(UnboxCompoundLocalAsync.main(log));
                        } catch (NullPointerException e) {
                            log.add("npe");
                        }
                        return log;
                    }
                }
                """))).isEqualTo(java.util.List.of("npe"));
    }

    @Test
    void localWrittenThroughParenthesesIsReadBeforeTheWriteAndTheAwait() {
        assertThat(run("ParenthesizedWrite", source("ParenthesizedWrite", """
                class ParenthesizedWrite {
                    static String f(int a, int b, int c) {
                        return a + "," + b + "," + c;
                    }

                    @Async
                    static Coroutine<String> main() {
                        int y = 1;
                        return done(f(y, (y)++, await(later(0))));
                    }

                    static Object run() {
                        return EventLoop.run(ParenthesizedWriteAsync.main());
                    }
                }
                """))).isEqualTo("1,1,0");
    }

    // ---- the runtime next to asyncio ----

    @Test
    void gatherOfTheSameCoroutineTwiceRunsItOnceAndGivesItsResultTwice() {
        // asyncio.gather(c, c) maps both arguments to one future: [1, 1]
        assertThat(run("GatherSame", source("GatherSame", """
                class GatherSame {
                    @Async
                    static Coroutine<Integer> one() {
                        await(later(0));
                        return done(1);
                    }

                    @Async
                    static Coroutine<List<Integer>> main() {
                        Coroutine<Integer> c = one();
                        return done(await(gather(c, c)));
                    }

                    static Object run() {
                        return EventLoop.run(GatherSameAsync.main());
                    }
                }
                """))).isEqualTo(java.util.List.of(1, 1));
    }
}
