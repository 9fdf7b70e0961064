package dev.jasyncio.processor.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jasyncio.processor.differential.MemoryJavac;
import dev.jasyncio.processor.fuzz.Tree.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the processor: random blueprints (see {@link ProgramGenerator}), each run
 * as plain Java and as its state machine on the loop, must behave identically; the generated code
 * must compile warning-free; the processor must not refuse them.
 *
 * <p>Every build runs {@value #DEFAULT_COUNT} programs from seed {@value #DEFAULT_SEED}. Any number
 * from any seed:
 * <pre>
 * mvn -pl processor -am test -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djasyncio.fuzz.seed=123 -Djasyncio.fuzz.count=5000 [-Djasyncio.fuzz.features=-AWAIT_IN_SWITCH] \
 *     [-Djasyncio.fuzz.mix=project]
 * </pre>
 * Program {@code i} of seed {@code S} is program 0 of seed {@code S + i}, so a failure reported as
 * "seed S+i" is reproduced alone with {@code -Djasyncio.fuzz.seed=S+i -Djasyncio.fuzz.count=1}.
 * A failure is shrunk to a minimal program that fails the same way, and printed.
 */
class DifferentialFuzzTest {

    static final long DEFAULT_SEED = 20261122;
    static final int DEFAULT_COUNT = 1000;

    /** Programs per javac invocation: starting javac and the processor is the largest fixed cost. */
    private static final int BATCH = 100;
    /** Failures beyond this many are listed but not shrunk, to keep a bad run's time bounded. */
    private static final int SHRUNK_FAILURES = Integer.getInteger("jasyncio.fuzz.shrink", 3);
    private static final int SHRINK_ATTEMPTS = 400;

    @Test
    void blueprintsAndTheirMachinesBehaveAlike() {
        long seed = Long.getLong("jasyncio.fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("jasyncio.fuzz.count", DEFAULT_COUNT);
        Set<Feature> features = Feature.parse(System.getProperty("jasyncio.fuzz.features", "default"));
        Mix mix = Mix.named(System.getProperty("jasyncio.fuzz.mix", Mix.FUZZ.name()));
        String settings = describe(features, mix);
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> unverifiable = new ArrayList<>();
        int release = Feature.release(features);
        if (release > Runtime.version().feature()) {
            throw new IllegalArgumentException("[" + Feature.describe(features) + "] need --release " + release
                    + ", which this JDK " + Runtime.version().feature() + " does not compile");
        }
        try (ProgramCheck check = new ProgramCheck(release)) {
            for (int first = 0; first < count; first += BATCH) {
                List<Program> programs = new ArrayList<>();
                for (int i = first; i < Math.min(count, first + BATCH); i++) {
                    programs.add(new ProgramGenerator(features, mix, seed + i).generate("P" + i));
                }
                List<ProgramCheck.Verdict> verdicts = check.checkAll(programs.stream().map(DifferentialFuzzTest::source).toList());
                for (int k = 0; k < programs.size(); k++) {
                    if (verdicts.get(k).kind() == ProgramCheck.Kind.UNVERIFIABLE) {
                        unverifiable.add("seed " + (seed + first + k) + ": " + verdicts.get(k).detail());
                    } else if (!verdicts.get(k).passed()) {
                        failures.add(report(check, seed + first + k, settings, programs.get(k), verdicts.get(k),
                                failures.size() < SHRUNK_FAILURES));
                    }
                }
            }
        }
        System.out.printf("differential fuzz: %d programs from seed %d with %s in %.1f s, %d failed, %d not compared"
                + " (javac wrote bytecode the verifier rejects)%n", count, seed, settings,
                (System.nanoTime() - started) / 1e9, failures.size(), unverifiable.size());
        unverifiable.forEach(System.out::println);
        failures.forEach(System.out::println);
        assertWithMessage("failing programs (each shown shrunk)").that(failures).isEmpty();
    }

    static MemoryJavac.Source source(Program program) {
        return new MemoryJavac.Source(program.qualifiedName(), program.source());
    }

    /** The features and the mix, as a failure's report names them to reproduce it. */
    private static String describe(Set<Feature> features, Mix mix) {
        return "[" + Feature.describe(features) + "]" + (mix == Mix.FUZZ ? "" : " in the " + mix.name() + " mix");
    }

    private static String report(ProgramCheck check, long programSeed, String settings, Program program,
            ProgramCheck.Verdict verdict, boolean shrink) {
        if (verdict.kind() == ProgramCheck.Kind.INVALID_PROGRAM) {
            return "==== seed " + programSeed + " " + settings + ": the generator wrote invalid Java ====\n"
                    + program.source() + "---- " + verdict + "\n";
        }
        if (!shrink) {
            return "seed " + programSeed + " " + settings + ": " + verdict.kind() + " (not shrunk): "
                    + verdict.detail().lines().limit(3).collect(Collectors.joining(" "));
        }
        Program minimal = shrink(check, program, verdict.kind());
        return "==== seed " + programSeed + " " + settings + ": " + verdict.kind() + ", shrunk from "
                + program.size() + " to " + minimal.size() + " statements ====\n" + minimal.source()
                + "---- " + check.check(source(minimal)) + "\n";
    }

    static Program shrink(ProgramCheck check, Program program, ProgramCheck.Kind kind) {
        return new Shrinker(candidate -> check.check(source(candidate)).kind() == kind, SHRINK_ATTEMPTS).shrink(program);
    }
}
