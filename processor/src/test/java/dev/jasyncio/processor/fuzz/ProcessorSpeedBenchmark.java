package dev.jasyncio.processor.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jasyncio.processor.differential.MemoryJavac;
import dev.jasyncio.processor.fuzz.Tree.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How much the processor adds to javac's time: compiles one source tree of generated blueprints
 * holding {@value #METHODS} {@code @Async} methods with jasyncio's processors and with
 * {@code -proc:none} (blueprints are valid Java either way), same options, alternating, after
 * warm-up rounds, and prints the median of each and their ratio.
 *
 * <p>A benchmark, not a test: surefire runs it only when asked (its name does not end in
 * {@code Test}), and it asserts nothing about time:
 * <pre>
 * mvn -pl processor -am test -Dtest=ProcessorSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ProcessorSpeedBenchmark {

    private static final int METHODS = 1000;
    private static final int WARMUP = Integer.getInteger("jasyncio.bench.warmup", 3);
    private static final int ROUNDS = Integer.getInteger("jasyncio.bench.rounds", 5);

    @Test
    void compileWithAndWithoutTheProcessor() {
        List<MemoryJavac.Source> tree = sourceTree();
        MemoryJavac javac = new MemoryJavac();
        for (int i = 0; i < WARMUP; i++) {
            timed(javac, tree, true);
            timed(javac, tree, false);
        }
        double[] with = new double[ROUNDS];
        double[] without = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            with[i] = timed(javac, tree, true);
            without[i] = timed(javac, tree, false);
        }
        double withMedian = median(with);
        double withoutMedian = median(without);
        System.out.printf("processor speed: %d @Async methods in %d files, %d lines; javac -proc:none %.2f s, "
                        + "with jasyncio %.2f s (medians of %d after %d warm-up rounds): ratio %.2f, the processor adds %.0f%%%n",
                METHODS, tree.size(), tree.stream().mapToLong(s -> s.text().lines().count()).sum(), withoutMedian,
                withMedian, ROUNDS, WARMUP, withMedian / withoutMedian, (withMedian / withoutMedian - 1) * 100);
    }

    /** Generated blueprints of the kind the fuzzer checks, until there are {@value #METHODS} of them. */
    static List<MemoryJavac.Source> sourceTree() {
        Set<Feature> features = Feature.defaults();
        List<MemoryJavac.Source> tree = new ArrayList<>();
        int methods = 0;
        for (int i = 0; methods < METHODS; i++) {
            Program program = new ProgramGenerator(features, i).generate("B" + i);
            if (methods + program.methods().size() > METHODS) {
                Set<Feature> withoutHelpers = EnumSet.copyOf(features);
                withoutHelpers.remove(Feature.HELPER_BLUEPRINTS);
                program = new ProgramGenerator(withoutHelpers, i).generate("B" + i);
            }
            methods += program.methods().size();
            tree.add(DifferentialFuzzTest.source(program));
        }
        return tree;
    }

    private static double timed(MemoryJavac javac, List<MemoryJavac.Source> tree, boolean withProcessor) {
        long start = System.nanoTime();
        MemoryJavac.Result result = javac.compile(tree, withProcessor);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertWithMessage("javac's problems with the tree").that(result.problems()).isEmpty();
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
