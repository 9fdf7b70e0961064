package dev.jasyncio.processor.conformance;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jasyncio.processor.differential.MemoryJavac;
import dev.jasyncio.processor.differential.TwoWayRun;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: every case's blueprint, run as plain Java where each await finds its value
 * complete, and its state machine, run on the loop where each await suspends, must end the same way
 * (value, or exception class and message) after the same trace of side effects. Every case's
 * generated code must compile without a single warning under {@code -Xlint:all -Werror}.
 */
class ConformanceTest {

    private static final MemoryJavac JAVAC = new MemoryJavac();
    private static final TwoWayRun RUNS = new TwoWayRun();

    @AfterAll
    static void stopRuns() {
        RUNS.close();
    }

    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgree() {
        return conformanceTests(SupportedCases.all());
    }

    /**
     * The lowering of await inside {@code try} and {@code switch} is being written: until it lands,
     * a case may instead be refused, but only with the processor's own "not supported yet" errors
     * in the blueprint. Once a case compiles, it must conform like every other.
     */
    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgreeAroundTryAndSwitch() {
        return conformanceTests(TryAndSwitchCases.all(), ConformanceTest::assertConformsOrIsNotLoweredYet);
    }

    private static Stream<DynamicTest> conformanceTests(List<ConformanceCase> cases) {
        return conformanceTests(cases, ConformanceTest::assertConforms);
    }

    private static Stream<DynamicTest> conformanceTests(List<ConformanceCase> cases,
            BiConsumer<ConformanceCase, MemoryJavac.Result> check) {
        List<MemoryJavac.Result> results = JAVAC.compileEach(cases.stream().map(ConformanceCase::source).toList());
        return IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).name(),
                () -> check.accept(cases.get(i), results.get(i))));
    }

    private static void assertConformsOrIsNotLoweredYet(ConformanceCase conformanceCase, MemoryJavac.Result compiled) {
        if (compiled.problems().isEmpty()) {
            assertConforms(conformanceCase, compiled);
            return;
        }
        String userFile = "/" + conformanceCase.className().replace('.', '/') + ".java:";
        for (String problem : compiled.problems()) {
            assertWithMessage("the only acceptable refusals are the processor's 'not yet' errors in the blueprint")
                    .that(problem).matches("(?s)" + Pattern.quote(userFile)
                            + "\\d+:\\d+: error: \\[(AwaitUnsupported|PatternAcrossAwait)\\].*");
        }
    }

    private static void assertConforms(ConformanceCase conformanceCase, MemoryJavac.Result compiled) {
        assertWithMessage("javac's errors and warnings for %s", conformanceCase).that(compiled.problems()).isEmpty();
        TwoWayRun.Comparison comparison = RUNS.run(compiled.loader(), conformanceCase.className(), "main");
        assertWithMessage("%s", comparison).that(comparison.agrees()).isTrue();
    }
}
