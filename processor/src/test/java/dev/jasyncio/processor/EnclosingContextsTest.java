package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * Blueprints wherever Java puts methods: interfaces (static and default), enums, records, and
 * generic methods with bounded type parameters.
 */
class EnclosingContextsTest {

    @Test
    void blueprintsInInterfacesEnumsAndRecordsSeeTheirReceivers() {
        assertThat(runForLog("Contexts", source("Contexts", """
                class Contexts {
                    interface Greeter {
                        String name();

                        @Async
                        default Coroutine<String> greet(String whom) {
                            String prefix = await(later("hello "));
                            return done(prefix + whom + " from " + name());
                        }

                        @Async
                        static Coroutine<String> twice(Greeter greeter) {
                            String first = await(greeter.greet("a"));
                            return done(first + "; " + await(greeter.greet("b")));
                        }
                    }

                    record Person(String name) implements Greeter {
                        @Async
                        Coroutine<String> introduce() {
                            await(sleep(0));
                            return done("I am " + name());
                        }
                    }

                    enum Planet {
                        MERCURY(1), VENUS(2);

                        final int order;

                        Planet(int order) {
                            this.order = order;
                        }

                        @Async
                        Coroutine<String> describe() {
                            int later = await(later(order * 10));
                            return done(name() + "=" + later);
                        }
                    }

                    @Async
                    static <T extends Comparable<T>> Coroutine<T> largest(List<T> values) {
                        T best = null;
                        for (T value : values) {
                            T awaited = await(later(value));
                            if (best == null || awaited.compareTo(best) > 0) {
                                best = awaited;
                            }
                        }
                        return done(best);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        Person ann = new Person("Ann");
                        log.add(await(Greeter.twice(ann)));
                        log.add(await(ann.introduce()));
                        for (Planet planet : Planet.values()) {
                            log.add(await(planet.describe()));
                        }
                        log.add(await(largest(List.of("pear", "apple", "plum"))));
                        log.add("" + await(largest(List.of(3, 9, 4))));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ContextsAsync.main());
                    }
                }
                """))).containsExactly("hello a from Ann; hello b from Ann", "I am Ann", "MERCURY=10", "VENUS=20",
                "plum", "9").inOrder();
    }
}
