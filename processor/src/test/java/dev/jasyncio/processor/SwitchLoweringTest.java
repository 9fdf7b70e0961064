package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * Switch statements and expressions with awaits in the selector, in case bodies and in yielded
 * values: the machine takes the same cases, falls through and breaks where Java does, and
 * evaluates everything in Java's order. Every await really suspends.
 */
class SwitchLoweringTest {

    @Test
    void colonCasesFallThroughBreakAndDefaultOnAnAwaitedStringSelector() {
        assertThat(runForLog("Colons", source("Colons", """
                class Colons {
                    @Async
                    @SuppressWarnings("fallthrough")
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (String word : List.of("one", "two", "three", "other")) {
                            switch (await(later(log, "select " + word, word))) {
                                case "one":
                                    log.add("1");
                                case "two":
                                    await(later(log, "falls into two", 0));
                                    break;
                                case "three": {
                                    if (word.length() == 5) {
                                        log.add("3 breaks early");
                                        break;
                                    }
                                    log.add("not reached");
                                }
                                default:
                                    log.add("default");
                                    continue;
                            }
                            log.add("after " + word);
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ColonsAsync.main());
                    }
                }
                """))).containsExactly(
                "select one", "1", "falls into two", "after one",
                "select two", "falls into two", "after two",
                "select three", "3 breaks early", "after three",
                "select other", "default").inOrder();
    }

    @Test
    void arrowCasesOnAnEnumRunOneBodyEach() {
        assertThat(runForLog("Arrows", source("Arrows", """
                class Arrows {
                    enum Color { RED, GREEN, BLUE }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Color color : Color.values()) {
                            switch (color) {
                                case RED -> await(later(log, "red", 0));
                                case GREEN, BLUE -> {
                                    log.add("green or blue");
                                    await(later(log, color.name().toLowerCase(), 0));
                                }
                            }
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ArrowsAsync.main());
                    }
                }
                """))).containsExactly("red", "green or blue", "green", "green or blue", "blue").inOrder();
    }

    @Test
    void switchExpressionsYieldAwaitedValuesAfterTheOperandsBeforeThem() {
        assertThat(runForLog("Expressions", source("Expressions", """
                class Expressions {
                    static String join(String a, int b, String c) {
                        return a + b + c;
                    }

                    @Async
                    @SuppressWarnings("fallthrough")
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (int i = 0; i < 4; i++) {
                            String s = join(now(log, "first " + i, "<"), switch (await(later(log, "select", i))) {
                                case 0 -> await(later(log, "arrow value", 10));
                                case 1 -> {
                                    int base = await(later(log, "block", 20));
                                    if (base > 100) {
                                        yield -1;
                                    }
                                    yield base + 1;
                                }
                                default -> {
                                    try {
                                        yield await(later(log, "in try", 30 + i));
                                    } finally {
                                        log.add("finally before the yield lands");
                                    }
                                }
                            }, now(log, "last", ">"));
                            s += switch (i) {
                                case 2:
                                    log.add("colon");
                                case 3:
                                    yield await(later(log, "colon yield", "!"));
                                default:
                                    yield "";
                            };
                            log.add(s);
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ExpressionsAsync.main());
                    }
                }
                """))).containsExactly(
                "first 0", "select", "arrow value", "last", "<10>",
                "first 1", "select", "block", "last", "<21>",
                "first 2", "select", "in try", "finally before the yield lands", "last", "colon", "colon yield", "<32>!",
                "first 3", "select", "in try", "finally before the yield lands", "last", "colon yield", "<33>!").inOrder();
    }

    /** Found by the differential fuzzer: the selector's saved operand was cleared after the dispatch, unreachably. */
    @Test
    void aSelectorThatSavesAnOperandBeforeItsAwaitDispatchesWithADefault() {
        assertThat(runForLog("SavedSelector", source("SavedSelector", """
                class SavedSelector {
                    enum Color { RED, BLUE }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        Color[] colors = Color.values();
                        for (int i = 0; i < 2; i++) {
                            switch (colors[await(later(i))]) {
                                case BLUE:
                                    log.add("blue");
                                    break;
                                default:
                                    log.add("other");
                            }
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(SavedSelectorAsync.main());
                    }
                }
                """))).containsExactly("other", "blue").inOrder();
    }

    @Test
    void aStringConstantSpelledDefaultIsNotTheDefaultLabel() {
        assertThat(runForLog("WordDefault", source("WordDefault", """
                class WordDefault {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (String word : List.of("default", "other")) {
                            switch (await(later(word))) {
                                case "default":
                                    log.add("the word default");
                                    break;
                                case "x":
                                    log.add("x " + await(later(1)));
                                    break;
                            }
                            log.add("after " + word);
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(WordDefaultAsync.main());
                    }
                }
                """))).containsExactly("the word default", "after default", "after other").inOrder();
    }
}
