package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.load;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each statement form with an await in it: the machine must do what the blueprint does as plain
 * Java, side effects in the same order. Every await in these tests really suspends (see
 * {@code Steps.later}).
 */
class StatementLoweringTest {

    @Test
    void expressionStatementsAwaitInOrderAndDiscardTheirValues() {
        assertThat(runForLog("Statements", source("Statements", """
                class Statements {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        await(later(log, "first", 1));
                        log.add("between");
                        await(later(log, "second", "ignored"));
                        log.add("end");
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(StatementsAsync.main());
                    }
                }
                """))).containsExactly("first", "between", "second", "end").inOrder();
    }

    @Test
    void explicitlyTypedLocalsKeepTheirValuesAcrossAwaits() {
        assertThat(run("Locals", source("Locals", """
                class Locals {
                    @Async
                    static Coroutine<String> main() {
                        int x = await(later(3));
                        long y = await(later(4)) * 1_000_000_000L;
                        String s = "x=" + x;
                        await(later(0));
                        return done(s + ",y=" + y + ",x*10=" + x * 10);
                    }

                    static Object run() {
                        return EventLoop.run(LocalsAsync.main());
                    }
                }
                """))).isEqualTo("x=3,y=4000000000,x*10=30");
    }

    @Test
    void varLocalsKeepTheirInferredTypesAcrossAwaits() {
        assertThat(run("VarLocals", source("VarLocals", """
                class VarLocals {
                    @Async
                    static Coroutine<String> main() {
                        var list = new ArrayList<String>();
                        list.add(await(later("a")));
                        var n = await(later(2));
                        var doubled = n * 2;
                        await(later(0));
                        list.add("b");
                        return done(list + ":" + doubled);
                    }

                    static Object run() {
                        return EventLoop.run(VarLocalsAsync.main());
                    }
                }
                """))).isEqualTo("[a, b]:4");
    }

    @Test
    void aVarLocalOfANonDenotableTypeAfterAnAwaitStaysVar() {
        // javac 25 gave the local a made-up type tree without an end, and lowering failed reading its text
        assertThat(run("Mixed", source("Mixed", """
                class Mixed {
                    @Async
                    static Coroutine<String> main(int n) {
                        await(later(0));
                        var mixed = List.of(n, "a");
                        return done(mixed.size() + ":" + mixed.get(1));
                    }

                    static Object run() {
                        return EventLoop.run(MixedAsync.main(7));
                    }
                }
                """))).isEqualTo("2:a");
    }

    @Test
    void ifElseChainTakesOnlyTheBranchItsAwaitedConditionSelects() {
        assertThat(run("Branches", source("Branches", """
                class Branches {
                    @Async
                    static Coroutine<String> classify(int n, List<String> log) {
                        String result;
                        if (await(later(log, "test" + n, n)) > 0) {
                            result = "positive " + await(later(log, "then" + n, n));
                        } else if (n == 0) {
                            result = "zero";
                        } else {
                            log.add("else" + n);
                            result = "negative " + await(later(-n));
                        }
                        log.add("after" + n);
                        return done(result);
                    }

                    @Async
                    static Coroutine<String> main() {
                        List<String> log = new ArrayList<>();
                        String a = await(classify(5, log));
                        String b = await(classify(0, log));
                        String c = await(classify(-2, log));
                        return done(a + "|" + b + "|" + c + "|" + log);
                    }

                    static Object run() {
                        return EventLoop.run(BranchesAsync.main());
                    }
                }
                """))).isEqualTo("positive 5|zero|negative 2|"
                        + "[test5, then5, after5, test0, after0, test-2, else-2, after-2]");
    }

    @Test
    void ifWithoutElseSkipsItsAwaitWhenTheConditionIsFalse() {
        assertThat(runForLog("IfOnly", source("IfOnly", """
                class IfOnly {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (int i = 0; i < 3; i++) {
                            if (i % 2 == 0) {
                                await(later(log, "even" + i, i));
                            }
                            log.add("next" + i);
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(IfOnlyAsync.main());
                    }
                }
                """))).containsExactly("even0", "next0", "next1", "even2", "next2").inOrder();
    }

    @Test
    void whileLoopReevaluatesItsAwaitedConditionBeforeEveryIteration() {
        assertThat(runForLog("WhileLoop", source("WhileLoop", """
                class WhileLoop {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        int i = 0;
                        int sum = 0;
                        while (await(later(log, "test" + i, i)) < 3) {
                            sum += await(later(log, "body" + i, i * 10));
                            i++;
                        }
                        log.add("sum=" + sum);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(WhileLoopAsync.main());
                    }
                }
                """))).containsExactly("test0", "body0", "test1", "body1", "test2", "body2", "test3", "sum=30").inOrder();
    }

    @Test
    void doWhileLoopRunsItsBodyBeforeTheFirstAwaitedTest() {
        assertThat(runForLog("DoWhile", source("DoWhile", """
                class DoWhile {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        int i = 0;
                        do {
                            log.add("once" + i);
                        } while (await(later(log, "never-true", false)));
                        do {
                            await(later(log, "body" + i, i));
                            i++;
                        } while (await(later(log, "test" + i, i)) < 2);
                        log.add("i=" + i);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(DoWhileAsync.main());
                    }
                }
                """))).containsExactly("once0", "never-true", "body0", "test1", "body1", "test2", "i=2").inOrder();
    }

    @Test
    void forLoopAwaitsInInitConditionUpdateAndBodyInJavaOrder() {
        assertThat(runForLog("ForLoop", source("ForLoop", """
                class ForLoop {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (int i = await(later(log, "init", 0));
                                await(later(log, "test" + i, i)) < 2;
                                i += await(later(log, "update" + i, 1))) {
                            log.add("body" + i + "=" + await(later(log, "await" + i, i * 10)));
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ForLoopAsync.main());
                    }
                }
                """))).containsExactly(
                        "init", "test0", "await0", "body0=0", "update0",
                        "test1", "await1", "body1=10", "update1", "test2").inOrder();
    }

    @Test
    void enhancedForOverArrayEvaluatesTheArrayOnceAndVisitsEveryElement() {
        assertThat(run("ArrayLoop", source("ArrayLoop", """
                class ArrayLoop {
                    @Async
                    static Coroutine<String> main() {
                        int[] xs = {1, 2, 3};
                        int sum = 0;
                        StringBuilder seen = new StringBuilder();
                        for (int x : xs) {
                            sum += await(later(x)) * x;
                            xs = new int[0];
                            seen.append(x);
                        }
                        return done(sum + ":" + seen + ":" + xs.length);
                    }

                    static Object run() {
                        return EventLoop.run(ArrayLoopAsync.main());
                    }
                }
                """))).isEqualTo("14:123:0");
    }

    @Test
    void enhancedForOverListVisitsTheElementsInIterationOrder() {
        assertThat(runForLog("ListLoop", source("ListLoop", """
                class ListLoop {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        List<String> words = List.of("a", "b", "c");
                        for (String word : words) {
                            log.add(await(later(log, "fetch-" + word, word.toUpperCase())));
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ListLoopAsync.main());
                    }
                }
                """))).containsExactly("fetch-a", "A", "fetch-b", "B", "fetch-c", "C").inOrder();
    }

    @Test
    void unlabeledBreakAndContinueLeaveTheInnermostLoop() {
        assertThat(runForLog("Jumps", source("Jumps", """
                class Jumps {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            if (await(later(i)) % 2 == 0) {
                                continue;
                            }
                            if (i > 6) {
                                break;
                            }
                            log.add("odd" + i);
                        }
                        int j = 0;
                        while (true) {
                            j += await(later(1));
                            if (j == 3) {
                                break;
                            }
                        }
                        log.add("j=" + j);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(JumpsAsync.main());
                    }
                }
                """))).containsExactly("odd1", "odd3", "odd5", "j=3").inOrder();
    }

    @Test
    void labeledBreakAndContinueLeaveTheNamedOuterLoop() {
        assertThat(runForLog("LabeledJumps", source("LabeledJumps", """
                class LabeledJumps {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        outer:
                        for (int i = 0; i < 4; i++) {
                            for (int j = 0; j < 4; j++) {
                                int v = await(later(i * 10 + j));
                                if (j == 2) {
                                    continue outer;
                                }
                                if (i == 2) {
                                    break outer;
                                }
                                log.add("v" + v);
                            }
                            log.add("never");
                        }
                        int n = 0;
                        rows:
                        while (n < 10) {
                            n++;
                            int k = 0;
                            while (true) {
                                k += await(later(1));
                                if (k < n) {
                                    continue;
                                }
                                if (n == 3) {
                                    break rows;
                                }
                                continue rows;
                            }
                        }
                        log.add("n=" + n);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(LabeledJumpsAsync.main());
                    }
                }
                """))).containsExactly("v0", "v1", "v10", "v11", "n=3").inOrder();
    }

    @Test
    void nestedBlocksScopeTheirLocalsEvenWhenNamesRepeat() {
        assertThat(run("Blocks", source("Blocks", """
                class Blocks {
                    @Async
                    static Coroutine<String> main() {
                        StringBuilder out = new StringBuilder();
                        int a = await(later(1));
                        {
                            int b = await(later(2));
                            {
                                int c = await(later(3));
                                out.append(a + b + c).append(',');
                            }
                            out.append(b).append(',');
                        }
                        {
                            int b = await(later(20));
                            out.append(a + b);
                        }
                        return done(out.toString());
                    }

                    static Object run() {
                        return EventLoop.run(BlocksAsync.main());
                    }
                }
                """))).isEqualTo("6,2,21");
    }

    @Test
    void returnWithAnAwaitInsideDoneGivesTheComputedValue() {
        assertThat(run("ReturnDone", source("ReturnDone", """
                class ReturnDone {
                    @Async
                    static Coroutine<Integer> main() {
                        int base = await(later(2));
                        return done(await(later(base * 20)) + base);
                    }

                    static Object run() {
                        return EventLoop.run(ReturnDoneAsync.main());
                    }
                }
                """))).isEqualTo(42);
    }

    @Test
    void returningAnotherCoroutineGivesThatCoroutinesResult() {
        assertThat(runForLog("Relay", source("Relay", """
                class Relay {
                    @Async
                    static Coroutine<String> fetch(String key, List<String> log) {
                        log.add("fetch " + key);
                        String value = await(later(key.toUpperCase()));
                        return done(value);
                    }

                    @Async
                    static Coroutine<String> relay(String key, List<String> log) {
                        if (key.isEmpty()) {
                            return done("empty");
                        }
                        log.add("relay " + key);
                        return fetch(key, log);
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        log.add(await(relay("k", log)));
                        log.add(await(relay("", log)));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(RelayAsync.main());
                    }
                }
                """))).containsExactly("relay k", "fetch k", "K", "empty").inOrder();
    }

    @Test
    void exceptionThrownAfterAnAwaitLeavesTheCoroutineWithTheRestSkipped() {
        assertThat(run("Throws", source("Throws", """
                class Throws {
                    static final List<String> LOG = new ArrayList<>();

                    @Async
                    static Coroutine<String> fail(int limit) {
                        int value = await(later(limit + 1));
                        if (value > limit) {
                            throw new IllegalStateException("too big: " + value);
                        }
                        LOG.add("not reached");
                        return done("fine");
                    }

                    static Object run() {
                        try {
                            return EventLoop.run(ThrowsAsync.fail(3));
                        } catch (IllegalStateException expected) {
                            return expected.getMessage() + " " + LOG;
                        }
                    }
                }
                """))).isEqualTo("too big: 4 []");
    }

    @Test
    void siblingLoopsReusingAVariableNameAfterAnAwaitCompileAndRun() {
        assertThat(run("Siblings", source("Siblings", """
                class Siblings {
                    @Async
                    static Coroutine<Integer> main() {
                        int[] values = {1, 2, 3};
                        await(later(0));
                        int total = 0;
                        for (int v : values) {
                            total += v;
                        }
                        java.util.function.IntUnaryOperator twice = v -> v * 2;
                        for (int v : values) {
                            total += twice.applyAsInt(v);
                        }
                        return done(total);
                    }

                    static Object run() {
                        return EventLoop.run(SiblingsAsync.main());
                    }
                }
                """))).isEqualTo(6 + 12);
    }

    @Test
    void sameNamedLocalsInSiblingBlocksAroundAwaitsStaySeparate() {
        assertThat(run("SameNames", source("SameNames", """
                class SameNames {
                    @Async
                    static Coroutine<String> main() {
                        String out = "";
                        {
                            String part = await(later("a"));
                            out += part;
                        }
                        {
                            String part = "b";
                            out += part + await(later("c"));
                        }
                        return done(out);
                    }

                    static Object run() {
                        return EventLoop.run(SameNamesAsync.main());
                    }
                }
                """))).isEqualTo("abc");
    }

    @Test
    void shorthandArrayInitializerOfALocalThatLivesAcrossAnAwait() {
        assertThat(run("Shorthand", source("Shorthand", """
                class Shorthand {
                    @Async
                    static Coroutine<Integer> main() {
                        int[] values = {4, 5};
                        await(later(0));
                        return done(values[0] + values[1]);
                    }

                    static Object run() {
                        return EventLoop.run(ShorthandAsync.main());
                    }
                }
                """))).isEqualTo(9);
    }

    @Test
    void aForEachOverAListOfRecordsThatShareAnInterfaceIteratesWithTheVariablesType() {
        assertThat(runForLog("SharedInterface", source("SharedInterface", """
                class SharedInterface {
                    interface Named {
                        String name();
                    }

                    record Cat(String name) implements Named {}

                    record Dog(String name) implements Named {}

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Named each : List.of(new Cat("tom"), new Dog("rex"))) {
                            log.add(await(later(each.name())));
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(SharedInterfaceAsync.main());
                    }
                }
                """))).containsExactly("tom", "rex").inOrder();
    }

    /**
     * An assert in a blueprint, in its lambdas and anonymous classes too, is enabled by the
     * blueprint's class's assertion status, which the copy in the companion must follow: {@code -ea:com.acme.Fetcher} enables it, and enabling
     * everything but the blueprint's class leaves it off.
     */
    @Test
    void assertsFollowTheAssertionStatusOfTheBlueprintsClassNotTheCompanions() throws ReflectiveOperationException {
        Compilation compilation = compileCleanly(source("Checked", """
                class Checked {
                    interface Check {
                        void run(int k);
                    }

                    @Async
                    static Coroutine<String> check(int n) {
                        assert n > 0 : "plain " + n;
                        Check inLambda = k -> {
                            assert k != 5 : "lambda " + k;
                        };
                        Check inClass = new Check() {
                            final int limit = 7;

                            @Override
                            public void run(int k) {
                                assert k != this.limit : "class " + k;
                            }
                        };
                        inLambda.run(n + 4);
                        inClass.run(n + 5);
                        assert await(later(n)) != 3 : "awaited " + n;
                        return done("passed " + n);
                    }

                    static Object run() {
                        List<String> outcomes = new ArrayList<>();
                        for (int n : new int[] {1, 0, 2, 3, 4}) {
                            try {
                                outcomes.add(EventLoop.run(CheckedAsync.check(n)));
                            } catch (AssertionError e) {
                                outcomes.add(e.getMessage());
                            }
                        }
                        return outcomes;
                    }
                }
                """));
        ClassLoader onlyBlueprint = load(compilation);
        onlyBlueprint.setDefaultAssertionStatus(false);
        onlyBlueprint.setClassAssertionStatus(BlueprintHarness.PACKAGE + ".Checked", true);
        assertThat(runIn(onlyBlueprint)).isEqualTo(List.of("lambda 5", "plain 0", "class 7", "awaited 3", "passed 4"));

        ClassLoader allButBlueprint = load(compilation);
        allButBlueprint.setDefaultAssertionStatus(true);
        allButBlueprint.setClassAssertionStatus(BlueprintHarness.PACKAGE + ".Checked", false);
        assertThat(runIn(allButBlueprint)).isEqualTo(List.of("passed 1", "passed 0", "passed 2", "passed 3", "passed 4"));
    }

    private static Object runIn(ClassLoader loader) throws ReflectiveOperationException {
        Method run = loader.loadClass(BlueprintHarness.PACKAGE + ".Checked").getDeclaredMethod("run");
        run.setAccessible(true);
        return run.invoke(null);
    }
}
