package dev.jasyncio.processor.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jasyncio.processor.differential.MemoryJavac;
import dev.jasyncio.processor.fuzz.Tree.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * How much the processor adds to javac's time: compiles a source tree of generated blueprints
 * holding {@value #METHODS} {@code @Async} methods with jasyncio's processors and with
 * {@code -proc:none} (blueprints are valid Java either way), same options, alternating, after
 * warm-up rounds, and prints the median of each (wall-clock time, and the compiling thread's CPU
 * time) and their ratio; and, to tell the processor's own work from javac's work on what it
 * generates, the same tree with the generated companions given to javac as sources with
 * {@code -proc:none}. It does so for two trees of methods of the same size: one in the fuzzer's
 * {@link Mix#FUZZ mix} (awaits in every operand, in switches, tries and loops nested deep), one
 * in the {@link Mix#PROJECT mix} of the project's own {@code @Async} methods.
 *
 * <p>A benchmark, not a test: surefire runs it only when asked (its name does not end in
 * {@code Test}), and it asserts nothing about time:
 * <pre>
 * mvn -pl processor -am test -Dtest=ProcessorSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Djasyncio.bench.trees=fuzz} or {@code =project} measures one tree only;
 * {@code -Djasyncio.bench.dump=DIR} writes each tree with its companions to a directory of DIR.
 */
class ProcessorSpeedBenchmark {

    private static final int METHODS = 1000;
    private static final int WARMUP = Integer.getInteger("jasyncio.bench.warmup", 3);
    private static final int ROUNDS = Integer.getInteger("jasyncio.bench.rounds", 5);
    private static final String TREES = System.getProperty("jasyncio.bench.trees", "fuzz,project");
    /** A directory to write each tree's blueprints and companions to, to read or count them. */
    private static final String DUMP = System.getProperty("jasyncio.bench.dump");

    @Test
    void compileWithAndWithoutTheProcessor() {
        if (TREES.contains("fuzz")) {
            measure("the fuzzer's mix", sourceTree(Mix.FUZZ));
        }
        if (TREES.contains("project")) {
            measure("the project's mix", sourceTree(Mix.PROJECT));
        }
    }

    private static void measure(String mix, List<MemoryJavac.Source> tree) {
        MemoryJavac javac = new MemoryJavac();
        List<MemoryJavac.Source> treeAndCompanions = new ArrayList<>(tree);
        javac.compile(tree).generatedSources().forEach((name, text) -> treeAndCompanions.add(new MemoryJavac.Source(name, text)));
        if (DUMP != null) {
            dump(Path.of(DUMP, mix.replaceAll("\\W+", "-")), treeAndCompanions);
        }
        for (int i = 0; i < WARMUP; i++) {
            timed(javac, tree, true);
            timed(javac, tree, false);
            timed(javac, treeAndCompanions, false);
        }
        Timing[] with = new Timing[ROUNDS];
        Timing[] without = new Timing[ROUNDS];
        Timing[] companionsAsSources = new Timing[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            with[i] = timed(javac, tree, true);
            without[i] = timed(javac, tree, false);
            companionsAsSources[i] = timed(javac, treeAndCompanions, false);
        }
        double withWall = median(with, Timing::wall);
        double withoutWall = median(without, Timing::wall);
        double withCpu = median(with, Timing::cpu);
        double withoutCpu = median(without, Timing::cpu);
        System.out.printf("processor speed, %s: %d @Async methods in %d files, %d lines (companions: %d lines)%n"
                        + "                                                 wall       cpu%n"
                        + "  javac -proc:none                              %6.2f s  %6.2f s%n"
                        + "  javac with jasyncio                           %6.2f s  %6.2f s%n"
                        + "  javac -proc:none, companions given as sources %6.2f s  %6.2f s (the cost of compiling the machines)%n"
                        + "  ratio: %.2f wall, %.2f cpu (the processor adds %.0f%% of cpu time)%n"
                        + "  (medians of %d rounds after %d warm-up rounds; cpu is the compiling thread's, which a"
                        + " loaded machine disturbs less)%n",
                mix, METHODS, tree.size(), lines(tree), lines(treeAndCompanions) - lines(tree), withoutWall, withoutCpu,
                withWall, withCpu, median(companionsAsSources, Timing::wall), median(companionsAsSources, Timing::cpu),
                withWall / withoutWall, withCpu / withoutCpu, (withCpu / withoutCpu - 1) * 100, ROUNDS, WARMUP);
    }

    private static void dump(Path directory, List<MemoryJavac.Source> sources) {
        try {
            Files.createDirectories(directory);
            for (MemoryJavac.Source source : sources) {
                Files.writeString(directory.resolve(source.qualifiedName().replace('/', '.') + ".java"), source.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(List<MemoryJavac.Source> sources) {
        return sources.stream().mapToLong(s -> s.text().lines().count()).sum();
    }

    /**
     * Generated blueprints in the given mix, until there are {@value #METHODS} of them: Java 17
     * programs on any JDK, so that the same tree is measured on each.
     */
    static List<MemoryJavac.Source> sourceTree(Mix mix) {
        Set<Feature> features = Feature.upTo(17);
        List<MemoryJavac.Source> tree = new ArrayList<>();
        int methods = 0;
        for (int i = 0; methods < METHODS; i++) {
            Program program = new ProgramGenerator(features, mix, i).generate("B" + i);
            if (methods + program.methods().size() > METHODS) {
                Set<Feature> withoutHelpers = EnumSet.copyOf(features);
                withoutHelpers.remove(Feature.HELPER_BLUEPRINTS);
                program = new ProgramGenerator(withoutHelpers, mix, i).generate("B" + i);
            }
            methods += program.methods().size();
            tree.add(DifferentialFuzzTest.source(program));
        }
        return tree;
    }

    /** One compilation's wall-clock time and the compiling thread's CPU time, in seconds. */
    private record Timing(double wall, double cpu) {}

    /** javac runs on the calling thread, so that thread's CPU time is javac's and the processor's. */
    private static Timing timed(MemoryJavac javac, List<MemoryJavac.Source> tree, boolean withProcessor) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        MemoryJavac.Result result = javac.compile(tree, withProcessor);
        Timing timing = new Timing((System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        assertWithMessage("javac's problems with the tree").that(result.problems()).isEmpty();
        return timing;
    }

    private static double median(Timing[] timings, ToDoubleFunction<Timing> measure) {
        double[] sorted = Arrays.stream(timings).mapToDouble(measure).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
