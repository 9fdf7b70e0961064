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
 * warm-up rounds, and prints the median of each and their ratio; and, to tell the processor's own
 * work from javac's work on what it generates, the same tree with the generated companions given
 * to javac as sources with {@code -proc:none}.
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
        List<MemoryJavac.Source> treeAndCompanions = new ArrayList<>(tree);
        javac.compile(tree).generatedSources().forEach((name, text) -> treeAndCompanions.add(new MemoryJavac.Source(name, text)));
        for (int i = 0; i < WARMUP; i++) {
            timed(javac, tree, true);
            timed(javac, tree, false);
            timed(javac, treeAndCompanions, false);
        }
        double[] with = new double[ROUNDS];
        double[] without = new double[ROUNDS];
        double[] companionsAsSources = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            with[i] = timed(javac, tree, true);
            without[i] = timed(javac, tree, false);
            companionsAsSources[i] = timed(javac, treeAndCompanions, false);
        }
        double withMedian = median(with);
        double withoutMedian = median(without);
        System.out.printf("processor speed: %d @Async methods in %d files, %d lines (companions: %d lines)%n"
                        + "  javac -proc:none                              %6.2f s%n"
                        + "  javac with jasyncio                           %6.2f s: ratio %.2f, the processor adds %.0f%%%n"
                        + "  javac -proc:none, companions given as sources %6.2f s (the cost of compiling the machines)%n"
                        + "  (medians of %d rounds after %d warm-up rounds)%n",
                METHODS, tree.size(), lines(tree), lines(treeAndCompanions) - lines(tree), withoutMedian, withMedian,
                withMedian / withoutMedian, (withMedian / withoutMedian - 1) * 100, median(companionsAsSources), ROUNDS, WARMUP);
    }

    private static long lines(List<MemoryJavac.Source> sources) {
        return sources.stream().mapToLong(s -> s.text().lines().count()).sum();
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
