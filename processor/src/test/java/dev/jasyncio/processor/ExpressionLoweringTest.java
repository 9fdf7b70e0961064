package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * Awaits inside expressions: Java evaluates operands left to right, and an operand evaluated
 * before an await keeps the value it had then, even if what it read changes while the coroutine
 * is suspended.
 */
class ExpressionLoweringTest {

    @Test
    void methodArgumentsAreEvaluatedLeftToRightAroundAnAwait() {
        assertThat(runForLog("Arguments", source("Arguments", """
                class Arguments {
                    static String join(String a, String b, String c) {
                        return a + b + c;
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        String joined = join(now(log, "a", "1"), await(later(log, "b", "2")), now(log, "c", "3"));
                        log.add(joined);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ArgumentsAsync.main());
                    }
                }
                """))).containsExactly("a", "b", "c", "123").inOrder();
    }

    @Test
    void argumentEvaluatedBeforeAnAwaitKeepsItsValueWhenItsSourceChangesDuringTheSuspension() {
        assertThat(run("EarlyArgument", source("EarlyArgument", """
                class EarlyArgument {
                    static int state = 1;

                    static String join(int a, int b, int c) {
                        return a + "," + b + "," + c;
                    }

                    @Async
                    static Coroutine<Integer> change(int value) {
                        await(later(0));
                        state = value;
                        return done(value * 10);
                    }

                    @Async
                    static Coroutine<String> main() {
                        return done(join(state, await(change(2)), state));
                    }

                    static Object run() {
                        return EventLoop.run(EarlyArgumentAsync.main());
                    }
                }
                """))).isEqualTo("1,20,2");
    }

    @Test
    void receiverEvaluatedBeforeAnAwaitedArgumentIsTheOneCalled() {
        assertThat(run("EarlyReceiver", source("EarlyReceiver", """
                class EarlyReceiver {
                    static StringBuilder target = new StringBuilder("first");

                    @Async
                    static Coroutine<String> swap() {
                        await(later(0));
                        target = new StringBuilder("second");
                        return done("+");
                    }

                    @Async
                    static Coroutine<String> main() {
                        StringBuilder used = target.append(await(swap()));
                        return done(used + "/" + target);
                    }

                    static Object run() {
                        return EventLoop.run(EarlyReceiverAsync.main());
                    }
                }
                """))).isEqualTo("first+/second");
    }

    @Test
    void leftOperandOfPlusIsReadBeforeTheAwaitOnItsRight() {
        assertThat(run("Plus", source("Plus", """
                class Plus {
                    static int counter = 1;

                    @Async
                    static Coroutine<Integer> bump() {
                        await(later(0));
                        counter += 10;
                        return done(counter);
                    }

                    @Async
                    static Coroutine<Integer> main() {
                        return done(counter + await(bump()));
                    }

                    static Object run() {
                        return EventLoop.run(PlusAsync.main());
                    }
                }
                """))).isEqualTo(1 + 11);
    }

    @Test
    void leftOperandOfTimesIsReadBeforeTheAwaitOnItsRight() {
        assertThat(run("Times", source("Times", """
                class Times {
                    static int counter = 2;

                    @Async
                    static Coroutine<Integer> bump() {
                        await(later(0));
                        counter += 10;
                        return done(counter);
                    }

                    @Async
                    static Coroutine<Integer> main() {
                        int product = counter * await(bump());
                        return done(product + await(later(1)) * await(later(1000)));
                    }

                    static Object run() {
                        return EventLoop.run(TimesAsync.main());
                    }
                }
                """))).isEqualTo(2 * 12 + 1 * 1000);
    }

    @Test
    void leftOperandOfAComparisonIsReadBeforeTheAwaitOnItsRight() {
        assertThat(run("Compare", source("Compare", """
                class Compare {
                    static int counter = 5;

                    @Async
                    static Coroutine<Integer> bump() {
                        await(later(0));
                        counter += 10;
                        return done(counter);
                    }

                    @Async
                    static Coroutine<String> main() {
                        boolean less = counter < await(bump());
                        boolean equal = await(later(3)) == 3;
                        boolean greater = await(later(2)) > await(later(7));
                        return done(less + "," + equal + "," + greater);
                    }

                    static Object run() {
                        return EventLoop.run(CompareAsync.main());
                    }
                }
                """))).isEqualTo("true,true,false");
    }

    @Test
    void conditionalAndSkipsTheAwaitOnItsRightWhenTheLeftIsFalse() {
        assertThat(runForLog("And", source("And", """
                class And {
                    @Async
                    static Coroutine<Boolean> test(boolean left, List<String> log) {
                        return done(now(log, "left", left) && await(later(log, "right", true)));
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        log.add("false&&: " + await(test(false, log)));
                        log.add("true&&: " + await(test(true, log)));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(AndAsync.main());
                    }
                }
                """))).containsExactly("left", "false&&: false", "left", "right", "true&&: true").inOrder();
    }

    @Test
    void conditionalOrSkipsTheAwaitOnItsRightWhenTheLeftIsTrue() {
        assertThat(runForLog("Or", source("Or", """
                class Or {
                    @Async
                    static Coroutine<Boolean> test(boolean left, List<String> log) {
                        boolean result = now(log, "left", left) || await(later(log, "right", false));
                        return done(result);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        log.add("true||: " + await(test(true, log)));
                        log.add("false||: " + await(test(false, log)));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(OrAsync.main());
                    }
                }
                """))).containsExactly("left", "true||: true", "left", "right", "false||: false").inOrder();
    }

    @Test
    void conditionalExpressionEvaluatesOnlyTheChosenBranch() {
        assertThat(runForLog("Choice", source("Choice", """
                class Choice {
                    @Async
                    static Coroutine<String> choose(boolean which, List<String> log) {
                        String chosen = await(later(log, "test", which))
                                ? await(later(log, "yes-branch", "yes"))
                                : await(later(log, "no-branch", "no"));
                        return done(chosen);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        log.add(await(choose(true, log)));
                        log.add(await(choose(false, log)));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ChoiceAsync.main());
                    }
                }
                """))).containsExactly("test", "yes-branch", "yes", "test", "no-branch", "no").inOrder();
    }

    @Test
    void stringConcatenationWithSeveralAwaitsKeepsOperandOrder() {
        assertThat(runForLog("Concat", source("Concat", """
                class Concat {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        String text = "<" + await(later(log, "a", "A")) + now(log, "mid", "-")
                                + await(later(log, "b", 2)) + '>' + await(later(log, "c", 'c'));
                        log.add(text);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ConcatAsync.main());
                    }
                }
                """))).containsExactly("a", "mid", "b", "c", "<A-2>c").inOrder();
    }

    @Test
    void nestedAwaitRunsTheInnerAwaitFirst() {
        assertThat(runForLog("Nested", source("Nested", """
                class Nested {
                    @Async
                    static Coroutine<Integer> twice(int x, List<String> log) {
                        log.add("twice(" + x + ")");
                        await(later(0));
                        return done(2 * x);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        int result = await(twice(await(later(log, "inner", 4)), log));
                        log.add("result=" + result);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(NestedAsync.main());
                    }
                }
                """))).containsExactly("inner", "twice(4)", "result=8").inOrder();
    }

    @Test
    void awaitsInArrayCreationAndIndexesEvaluateArrayThenIndexThenValue() {
        assertThat(runForLog("ArrayAccess", source("ArrayAccess", """
                class ArrayAccess {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        int[] a = new int[await(later(log, "length", 3))];
                        a[now(log, "index", 1)] = await(later(log, "value", 7));
                        a[await(later(log, "awaited-index", 2))] = 9;
                        String[] words = {await(later(log, "first", "x")), "y", await(later(log, "third", "z"))};
                        int[][] grid = new int[await(later(2))][await(later(3))];
                        log.add(java.util.Arrays.toString(a) + " " + java.util.Arrays.toString(words)
                                + " " + grid.length + "x" + grid[1].length + " " + a[await(later(1))]);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ArrayAccessAsync.main());
                    }
                }
                """))).containsExactly("length", "index", "value", "awaited-index", "first", "third",
                        "[0, 7, 9] [x, y, z] 2x3 7").inOrder();
    }

    @Test
    void castOfAnAwaitedValueBindsAsInJava() {
        assertThat(run("Casts", source("Casts", """
                class Casts {
                    @Async
                    static Coroutine<String> main() {
                        double half = (double) await(later(3)) / 2;
                        long big = (long) await(later(Integer.MAX_VALUE)) + 1;
                        Object object = await(later("text"));
                        int length = ((String) object).length() + ((String) await(later((Object) "ab"))).length();
                        return done(half + "," + big + "," + length);
                    }

                    static Object run() {
                        return EventLoop.run(CastsAsync.main());
                    }
                }
                """))).isEqualTo("1.5,2147483648,6");
    }
}
