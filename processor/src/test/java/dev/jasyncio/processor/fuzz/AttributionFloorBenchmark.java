package dev.jasyncio.processor.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.processor.differential.MemoryJavac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The least any processor pays that keeps design rule 3.1 (the static types of a blueprint's
 * expressions come from {@code Trees}, which attributes the blueprint's class during the round)
 * and writes a companion per class (which makes javac run another round, after which it attributes
 * every class again): a processor that does only that, with empty companions, against
 * {@code -proc:none} and against jasyncio's processors, on the speed benchmark's trees. Issue 3
 * asks that the processor add less than half of javac's own time; this shows how much of that
 * half the rule alone takes. A benchmark, not a test:
 * <pre>
 * mvn -pl processor -am test -Dtest=AttributionFloorBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class AttributionFloorBenchmark {
    private static final int WARMUP = Integer.getInteger("jasyncio.bench.warmup", 3);
    private static final int ROUNDS = Integer.getInteger("jasyncio.bench.rounds", 5);

    @Test
    void attributingAndWritingEmptyCompanionsAgainstJavacAlone() {
        measure("the fuzzer's mix", ProcessorSpeedBenchmark.sourceTree(Mix.FUZZ));
        measure("the project's mix", ProcessorSpeedBenchmark.sourceTree(Mix.PROJECT));
    }

    private static void measure(String mix, List<MemoryJavac.Source> tree) {
        MemoryJavac javac = new MemoryJavac();
        for (int i = 0; i < WARMUP; i++) {
            cpu(javac, tree, List.of());
            cpu(javac, tree, List.of(new EmptyCompanions(false)));
            cpu(javac, tree, List.of(new EmptyCompanions(true)));
            cpu(javac, tree, null);
        }
        double[] alone = new double[ROUNDS];
        double[] round = new double[ROUNDS];
        double[] floor = new double[ROUNDS];
        double[] jasyncio = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            alone[i] = cpu(javac, tree, List.of());
            round[i] = cpu(javac, tree, List.of(new EmptyCompanions(false)));
            floor[i] = cpu(javac, tree, List.of(new EmptyCompanions(true)));
            jasyncio[i] = cpu(javac, tree, null);
        }
        double base = median(alone);
        System.out.printf("attribution floor, %s (cpu of the compiling thread, medians of %d rounds after %d warm-up rounds)%n"
                        + "  javac -proc:none                                                 %6.2f s%n"
                        + "  a processor that writes empty companions                         %6.2f s  ratio %.2f%n"
                        + "  a processor that attributes each class and writes empty companions %6.2f s  ratio %.2f%n"
                        + "  jasyncio                                                         %6.2f s  ratio %.2f%n",
                mix, ROUNDS, WARMUP, base, median(round), median(round) / base, median(floor), median(floor) / base,
                median(jasyncio), median(jasyncio) / base);
    }

    /** The compiling thread's CPU seconds; {@code processors} null means jasyncio's own. */
    private static double cpu(MemoryJavac javac, List<MemoryJavac.Source> tree, List<Processor> processors) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        MemoryJavac.Result result = processors == null ? javac.compile(tree) : javac.compileWith(tree, processors);
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        assertWithMessage("javac's problems with the tree").that(result.problems()).isEmpty();
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Writes an empty class per class with blueprints, which costs javac a round; if
     * {@code attribute}, first asks {@code Trees} for the element of an identifier in each
     * blueprint's body, which makes javac attribute the blueprint's class during the round.
     */
    private static final class EmptyCompanions extends AbstractProcessor {
        private final boolean attribute;

        EmptyCompanions(boolean attribute) {
            this.attribute = attribute;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of(Async.class.getName());
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            Trees trees = Trees.instance(processingEnv);
            Set<TypeElement> hosts = new LinkedHashSet<>();
            for (Element blueprint : round.getElementsAnnotatedWith(Async.class)) {
                hosts.add((TypeElement) blueprint.getEnclosingElement());
                if (!attribute) {
                    continue;
                }
                TreePath path = trees.getPath(blueprint);
                boolean[] attributed = {false};
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void scan(com.sun.source.tree.Tree tree, Void unused) {
                        return attributed[0] ? null : super.scan(tree, null);
                    }

                    @Override
                    public Void visitIdentifier(IdentifierTree node, Void unused) {
                        // asking for one element in a body attributes the whole class
                        trees.getElement(getCurrentPath());
                        attributed[0] = true;
                        return null;
                    }
                }.scan(new TreePath(path, ((MethodTree) path.getLeaf()).getBody()), null);
            }
            for (TypeElement host : hosts) {
                String name = host.getSimpleName() + "Async";
                String packageName = processingEnv.getElementUtils().getPackageOf(host).getQualifiedName().toString();
                try (Writer out = processingEnv.getFiler()
                        .createSourceFile(packageName + "." + name, host).openWriter()) {
                    out.write("package " + packageName + ";\n\nfinal class " + name + " {}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return true;
        }
    }
}
