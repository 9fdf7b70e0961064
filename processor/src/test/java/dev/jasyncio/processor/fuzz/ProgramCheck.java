package dev.jasyncio.processor.fuzz;

import dev.jasyncio.processor.differential.MemoryJavac;
import dev.jasyncio.processor.differential.TwoWayRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles programs with the processor and compares each blueprint run as plain Java with its
 * machine on the loop. Many programs share one javac invocation; only when that invocation
 * reports a problem are the programs compiled one by one to find whose it is.
 */
final class ProgramCheck implements AutoCloseable {

    /** How a program fared. */
    enum Kind {
        /** Compiled cleanly, and both runs agreed. */
        PASSED,
        /** javac rejects the program even without the processor: the generator (or shrinker) wrote bad Java. */
        INVALID_PROGRAM,
        /** The processor refused a valid program with an error of its own. */
        REJECTED,
        /** The generated companion does not compile or warns under {@code -Xlint:all}. */
        GENERATED_CODE_PROBLEM,
        /** Blueprint and machine ended differently or left different traces. */
        MISMATCH,
        /**
         * javac compiled the program or its companion, both valid Java, into bytecode that the
         * JVM's verifier rejects: a javac bug (javac 25 with some Java 21 patterns), so there is
         * nothing to compare.
         */
        UNVERIFIABLE
    }

    record Verdict(Kind kind, String detail) {
        boolean passed() {
            return kind == Kind.PASSED;
        }

        @Override
        public String toString() {
            return kind + (detail.isEmpty() ? "" : ":\n" + detail);
        }
    }

    private final MemoryJavac javac;
    private final TwoWayRun runs = new TwoWayRun();

    /** Compiles programs of that Java release ({@code --release}), which the running JDK must support. */
    ProgramCheck(int release) {
        javac = new MemoryJavac(release);
    }

    /** The verdict for each source, in order; each defines class {@code qualifiedName} with {@code main(Probe)}. */
    List<Verdict> checkAll(List<MemoryJavac.Source> sources) {
        MemoryJavac.Result together = javac.compile(sources);
        List<Verdict> verdicts = new ArrayList<>();
        for (MemoryJavac.Source source : sources) {
            boolean clean = together.success() && together.problems().isEmpty();
            verdicts.add(clean ? run(source, together) : check(source));
        }
        return verdicts;
    }

    Verdict check(MemoryJavac.Source source) {
        MemoryJavac.Result compiled = javac.compile(List.of(source));
        if (compiled.success() && compiled.problems().isEmpty()) {
            return run(source, compiled);
        }
        MemoryJavac.Result plain = javac.compile(List.of(source), false);
        if (!plain.success() || !plain.problems().isEmpty()) {
            return new Verdict(Kind.INVALID_PROGRAM, String.join("\n", plain.problems()));
        }
        boolean generated = compiled.problems().stream().anyMatch(p -> p.contains("Async.java:") || p.startsWith("<none>"));
        StringBuilder detail = new StringBuilder(String.join("\n", compiled.problems()));
        compiled.generatedSources().forEach((name, text) -> detail.append("\n--- generated ").append(name).append(" ---\n")
                .append(text));
        return new Verdict(generated ? Kind.GENERATED_CODE_PROBLEM : Kind.REJECTED, detail.toString());
    }

    private Verdict run(MemoryJavac.Source source, MemoryJavac.Result compiled) {
        ClassLoader loader = compiled.loader();
        for (String name : compiled.classes().keySet()) {
            if (name.equals(source.qualifiedName()) || name.startsWith(source.qualifiedName() + "$")
                    || name.startsWith(source.qualifiedName() + "Async")) {
                try {
                    Class.forName(name, true, loader);
                } catch (VerifyError e) {
                    return new Verdict(Kind.UNVERIFIABLE, e.getMessage().lines().limit(4).map(String::strip).reduce((a, b) -> a + " " + b).orElse(""));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        TwoWayRun.Comparison comparison = runs.run(loader, source.qualifiedName(), "main");
        return comparison.agrees() ? new Verdict(Kind.PASSED, "") : new Verdict(Kind.MISMATCH, comparison.toString());
    }

    @Override
    public void close() {
        runs.close();
    }
}
