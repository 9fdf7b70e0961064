package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * Assignments with an await on the right (JLS 15.26): the variable is located first, a compound
 * assignment reads its old value before the right side runs, and the result is narrowed back to
 * the variable's type.
 */
class AssignmentLoweringTest {

    @Test
    void simpleAssignmentsStoreTheAwaitedValue() {
        assertThat(run("Assign", source("Assign", """
                class Assign {
                    @Async
                    static Coroutine<String> main() {
                        int x;
                        x = await(later(5));
                        String s = "before";
                        s = await(later("after"));
                        int a;
                        int b;
                        a = b = await(later(7));
                        return done(x + s + a + b);
                    }

                    static Object run() {
                        return EventLoop.run(AssignAsync.main());
                    }
                }
                """))).isEqualTo("5after77");
    }

    @Test
    void compoundAssignmentsOnAnIntLocalCombineWithTheAwaitedValue() {
        assertThat(run("IntCompound", source("IntCompound", """
                class IntCompound {
                    @Async
                    static Coroutine<Integer> main() {
                        int total = 1;
                        total += await(later(2));
                        total *= await(later(5));
                        total -= await(later(1));
                        total /= await(later(2));
                        total %= await(later(5));
                        total <<= await(later(3));
                        return done(total);
                    }

                    static Object run() {
                        return EventLoop.run(IntCompoundAsync.main());
                    }
                }
                """))).isEqualTo(((((1 + 2) * 5 - 1) / 2) % 5) << 3);
    }

    @Test
    void compoundAssignmentOnAStringLocalConcatenates() {
        assertThat(run("StringCompound", source("StringCompound", """
                class StringCompound {
                    @Async
                    static Coroutine<String> main() {
                        String s = "a";
                        s += await(later("b"));
                        s += await(later(1));
                        s += await(later('c'));
                        return done(s);
                    }

                    static Object run() {
                        return EventLoop.run(StringCompoundAsync.main());
                    }
                }
                """))).isEqualTo("ab1c");
    }

    @Test
    void compoundAssignmentNarrowsTheResultToTheVariablesType() {
        assertThat(run("Narrowing", source("Narrowing", """
                class Narrowing {
                    @Async
                    static Coroutine<String> main() {
                        byte b = 10;
                        b += await(later(300));
                        char c = 'a';
                        c += await(later(2));
                        short s = 1;
                        s *= await(later(40_000));
                        int i = 7;
                        i *= await(later(1.5));
                        return done(b + "," + c + "," + s + "," + i);
                    }

                    static Object run() {
                        return EventLoop.run(NarrowingAsync.main());
                    }
                }
                """))).isEqualTo((byte) (10 + 300) + "," + (char) ('a' + 2) + "," + (short) (1 * 40_000) + ","
                        + (int) (7 * 1.5));
    }

    @Test
    void compoundAssignmentOnAFieldReadsTheOldValueBeforeTheAwait() {
        assertThat(run("FieldCompound", source("FieldCompound", """
                class FieldCompound {
                    int count = 1;
                    int plain = 1;

                    @Async
                    Coroutine<Integer> overwriteCount(int value) {
                        await(later(0));
                        count = 100;
                        return done(value);
                    }

                    @Async
                    Coroutine<Integer> overwritePlain(int value) {
                        await(later(0));
                        plain = 100;
                        return done(value);
                    }

                    @Async
                    Coroutine<String> main() {
                        this.count += await(overwriteCount(5));
                        plain += await(overwritePlain(7));
                        return done(count + "," + plain);
                    }

                    static Object run() {
                        return EventLoop.run(FieldCompoundAsync.main(new FieldCompound()));
                    }
                }
                """))).isEqualTo("6,8");
    }

    @Test
    void compoundAssignmentOnAnArrayElementEvaluatesTheIndexAndReadsTheOldElementBeforeTheAwait() {
        assertThat(runForLog("ElementCompound", source("ElementCompound", """
                class ElementCompound {
                    static int index(List<String> log) {
                        log.add("index");
                        return 0;
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        int[] a = {1, 2};
                        AsyncFuture<Integer> addend = new AsyncFuture<>();
                        getRunningLoop().callSoon(() -> {
                            log.add("modify");
                            a[0] = 100;
                            addend.setResult(5);
                        });
                        a[index(log)] += await(addend);
                        log.add("a=" + Arrays.toString(a));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ElementCompoundAsync.main());
                    }
                }
                """))).containsExactly("index", "modify", "a=[6, 2]").inOrder();
    }

    @Test
    void assignmentToAnArrayElementLocatesTheElementBeforeTheAwait() {
        assertThat(runForLog("ElementAssign", source("ElementAssign", """
                class ElementAssign {
                    static int[] current = {0, 0};

                    @Async
                    static Coroutine<Integer> replaceArray(List<String> log) {
                        log.add("replace");
                        await(later(0));
                        current = new int[] {-1, -1};
                        return done(42);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        int[] original = current;
                        current[now(log, "index", 1)] = await(replaceArray(log));
                        log.add(Arrays.toString(original) + Arrays.toString(current));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ElementAssignAsync.main());
                    }
                }
                """))).containsExactly("index", "replace", "[0, 42][-1, -1]").inOrder();
    }

    @Test
    void incrementOfAnElementWhoseIndexIsAwaitedChangesThatElementOnce() {
        assertThat(run("ElementIncrement", source("ElementIncrement", """
                class ElementIncrement {
                    @Async
                    static Coroutine<String> main() {
                        int[] counts = {0, 0, 0};
                        counts[await(later(1))]++;
                        int before = counts[await(later(1))]++;
                        int after = ++counts[await(later(2))];
                        return done(Arrays.toString(counts) + before + after);
                    }

                    static Object run() {
                        return EventLoop.run(ElementIncrementAsync.main());
                    }
                }
                """))).isEqualTo("[0, 2, 1]11");
    }
}
