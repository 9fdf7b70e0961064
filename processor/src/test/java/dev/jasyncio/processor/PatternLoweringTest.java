package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.assumeJava21;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.runJava21;
import static dev.jasyncio.processor.BlueprintHarness.source;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code instanceof} pattern bindings that live across awaits keep the value they matched. */
class PatternLoweringTest {

    @Test
    void bindingsOfCopiedAndLoweredInstanceofTestsSurviveAwaits() {
        assertThat(runForLog("Bindings", source("Bindings", """
                class Bindings {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Object value : List.<Object>of("text", 42, List.of("x"))) {
                            if (value instanceof String text) {
                                await(later(log, "string", 0));
                                log.add(text + " has " + text.length());
                            } else if (await(later(value)) instanceof Integer number && number > 40) {
                                await(later(log, "number", 0));
                                log.add("number " + (number + 1));
                            }
                            if (!(value instanceof List<?> list)) {
                                continue;
                            }
                            await(later(log, "list", 0));
                            log.add("list of " + list.size());
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(BindingsAsync.main());
                    }
                }
                """))).containsExactly("string", "text has 4", "number", "number 43", "list", "list of 1").inOrder();
    }

    @Test
    void bindingsTestedAfterAnAwaitOfTheirStatementReachTheCodeAfterIt() {
        // the last test of a lowered && chain declared its bindings in the state that tests them;
        // the then-block, and the code after if (!(... && ...)) return, run in another state and
        // named variables that were not there (found by the differential fuzzer, seed 1083)
        assertThat(runForLog("LateBindings", source("LateBindings", """
                class LateBindings {
                    @Async
                    static Coroutine<String> both(List<String> log, Object value) {
                        if (value instanceof String text && await(later(value)) instanceof String again) {
                            log.add(text + again.length());
                        }
                        return done("both");
                    }

                    @Async
                    static Coroutine<String> negated(Object value) {
                        if (!(value instanceof Integer number && await(later(value)) instanceof Integer again)) {
                            return done("not a number");
                        }
                        return done("number " + (number + again));
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Object value : List.<Object>of("text", 42)) {
                            log.add(await(both(log, value)) + ", " + await(negated(value)));
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(LateBindingsAsync.main());
                    }
                }
                """))).containsExactly("text4", "both, not a number", "both, number 84").inOrder();
    }

    @Test
    void bindingsOfARecordPatternInInstanceofSurviveAwaits() {
        // the bindings of a record pattern were declared in the test but never copied to their
        // fields: s read null after the await
        assumeJava21();
        assertThat(runJava21("Records", source("Records", """
                class Records {
                    record Box<T>(T value) {}
                    record Point(double x, double y) {}
                    record Line(Point from, Point to) {}

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Object o : List.<Object>of(new Box<>("hey"), new Box<>(""), 7)) {
                            if (o instanceof Box<?>(String s) && !s.isEmpty()) {
                                String upper = await(later(s.toUpperCase()));
                                log.add(upper + s.length());
                            } else {
                                log.add("other " + await(later(o)));
                            }
                        }
                        Object line = new Line(new Point(1, Double.NaN), new Point(3, 4));
                        if (line instanceof Line(Point(var x1, var y1), Point to) && to.y() > x1) {
                            await(later(0));
                            log.add(x1 + "," + y1 + "->" + to.x());
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(RecordsAsync.main());
                    }
                }
                """))).isEqualTo(List.of("HEY3", "other Box[value=]", "other 7", "1.0,NaN->3.0"));
    }
}
