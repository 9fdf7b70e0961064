package dev.jasyncio.processor.conformance;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jasyncio.processor.differential.MemoryJavac;
import dev.jasyncio.processor.differential.TwoWayRun;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
    private static final MemoryJavac JAVAC_21 = new MemoryJavac(21);
    private static final TwoWayRun RUNS = new TwoWayRun();

    @AfterAll
    static void stopRuns() {
        RUNS.close();
    }

    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgree() {
        return conformanceTests(JAVAC, SupportedCases.all());
    }

    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgreeAroundTryAndSwitch() {
        return conformanceTests(JAVAC, TryAndSwitchCases.all());
    }

    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgreeOnFuzzerFindings() {
        return conformanceTests(JAVAC, FuzzerFindings.all());
    }

    /** Java 21 sources: run on a JDK 21 or later only. */
    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgreeOnPatternSwitches() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "Java 21 syntax needs a JDK 21 or later");
        return conformanceTests(JAVAC_21, PatternSwitchCases.all());
    }

    /** Java 21 sources: run on a JDK 21 or later only. */
    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgreeOnAwaitingGuards() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "Java 21 syntax needs a JDK 21 or later");
        return conformanceTests(JAVAC_21, AwaitingGuardCases.all());
    }

    /** Java 21 sources: run on a JDK 21 or later only. */
    @TestFactory
    Stream<DynamicTest> blueprintAndMachineAgreeOnJava21FuzzerFindings() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "Java 21 syntax needs a JDK 21 or later");
        return conformanceTests(JAVAC_21, FuzzerFindings.java21());
    }

    private static Stream<DynamicTest> conformanceTests(MemoryJavac javac, List<ConformanceCase> cases) {
        List<MemoryJavac.Result> results = javac.compileEach(cases.stream().map(ConformanceCase::source).toList());
        return IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).name(),
                () -> assertConforms(cases.get(i), results.get(i))));
    }

    private static void assertConforms(ConformanceCase conformanceCase, MemoryJavac.Result compiled) {
        assertWithMessage("javac's errors and warnings for %s", conformanceCase).that(compiled.problems()).isEmpty();
        TwoWayRun.Comparison comparison = RUNS.run(compiled.loader(), conformanceCase.className(), "main");
        assertWithMessage("%s", comparison).that(comparison.agrees()).isTrue();
    }
}
