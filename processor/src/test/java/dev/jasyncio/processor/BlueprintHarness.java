package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;

/**
 * Compiles blueprints with the real processor, under the strictest options a user may have, and
 * runs what comes out.
 *
 * <p>Behaviour tests write a class in package {@value #PACKAGE} (with {@link #source}, which adds
 * the usual imports) whose {@code static Object run()} runs a coroutine of its companion with
 * {@code EventLoop.run(...)}; {@link #run} compiles, loads every compiled class, generated ones
 * included, into a fresh class loader, and calls it. Tests of evaluation order return the event
 * log the blueprint appended to, read with {@link #runForLog}.
 */
final class BlueprintHarness {
    static final String PACKAGE = "demo";

    /**
     * The lines {@link #source} puts before a class body. Unused imports cost nothing under
     * {@code -Xlint:all}, so every behaviour test gets the same ones.
     */
    private static final String HEADER = """
            package demo;

            import static dev.jasyncio.Jasyncio.*;

            import dev.jasyncio.annotations.Async;
            import dev.jasyncio.loop.EventLoop;
            import dev.jasyncio.tasks.AsyncFuture;
            import dev.jasyncio.tasks.Coroutine;
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.function.Function;
            import java.util.function.Supplier;

            import static demo.Steps.*;

            """;

    /**
     * Compiled with every test: plain helpers (no blueprints) that give a value after one turn of
     * the loop, so every await in a test really suspends; the variant with a log records when Java
     * evaluated the call, which is what evaluation-order tests compare.
     */
    private static final JavaFileObject STEPS = JavaFileObjects.forSourceString(PACKAGE + ".Steps", """
            package demo;

            import dev.jasyncio.Jasyncio;
            import dev.jasyncio.tasks.Awaitable;
            import java.time.Duration;
            import java.util.List;

            final class Steps {
                private Steps() {}

                /** Gives {@code value} after one turn of the loop. */
                static <T> Awaitable<T> later(T value) {
                    return Jasyncio.sleep(Duration.ZERO, value);
                }

                /** Logs {@code event} now, when the call is evaluated, and gives {@code value} after one turn. */
                static <T> Awaitable<T> later(List<String> log, String event, T value) {
                    log.add(event);
                    return later(value);
                }

                /** Logs {@code event} now and returns {@code value}: an operand whose evaluation is visible. */
                static <T> T now(List<String> log, String event, T value) {
                    log.add(event);
                    return value;
                }
            }
            """);

    /** The annotations and runtime jars (or class folders): what a user compiles blueprints against. */
    private static final List<File> CLASS_PATH = List.of(locationOf(Async.class), locationOf(Coroutine.class));

    private BlueprintHarness() {}

    /** A source file {@code demo/<simpleName>.java}: the standard header followed by {@code body}. */
    static JavaFileObject source(String simpleName, String body) {
        return JavaFileObjects.forSourceString(PACKAGE + "." + simpleName, HEADER + body);
    }

    /** A source file given line by line, for diagnostics tests that name lines and columns. */
    static JavaFileObject sourceLines(String simpleName, String... lines) {
        return JavaFileObjects.forSourceLines(PACKAGE + "." + simpleName, lines);
    }

    /**
     * Compiles the sources and {@code demo.Steps} with both processors, in the order of the jar's
     * {@code META-INF/services}, with {@code -Xlint:all -Werror}; asserts nothing.
     */
    static Compilation compile(JavaFileObject... sources) {
        return compileAfter(List.of(), sources);
    }

    /** {@link #compile} with other processors that run before jasyncio's, as another library's would. */
    static Compilation compileAfter(List<Processor> others, JavaFileObject... sources) {
        return compile(others, List.of(), sources);
    }

    /**
     * {@link #compile} of sources that use Java 21 syntax (pattern switches): {@code --release 21},
     * so the test needs a JDK 21 or later ({@link #assumeJava21}).
     */
    static Compilation compileJava21(JavaFileObject... sources) {
        return compile(List.of(), List.of("--release", "21"), sources);
    }

    /** {@link #compile} for {@code --release <release>}, which the running JDK must support. */
    static Compilation compileForRelease(int release, JavaFileObject... sources) {
        return compile(List.of(), List.of("--release", String.valueOf(release)), sources);
    }

    /** {@link #run} of sources compiled by {@link #compileJava21}. */
    static Object runJava21(String mainClass, JavaFileObject... sources) {
        Compilation compilation = compileJava21(sources);
        CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
        return invoke(compilation, mainClass, "run");
    }

    /** Skips the test on a JDK older than 21, which cannot compile Java 21 sources. */
    static void assumeJava21() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "Java 21 syntax needs a JDK 21 or later");
    }

    private static Compilation compile(List<Processor> others, List<String> options, JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.add(STEPS);
        List<Processor> processors = new ArrayList<>(others);
        processors.add(new AsyncMisuseProcessor());
        processors.add(new AsyncProcessor());
        return Compiler.javac()
                .withProcessors(processors)
                .withOptions(Stream.concat(Stream.of("-Xlint:all", "-Werror"), options.stream()).toList())
                .withClasspath(CLASS_PATH)
                .compile(all);
    }

    /** Compiles and asserts that javac reported neither an error nor a warning. */
    static Compilation compileCleanly(JavaFileObject... sources) {
        Compilation compilation = compile(sources);
        CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    /** Compiles the sources cleanly, then calls {@code demo.<mainClass>.run()} and returns its result. */
    static Object run(String mainClass, JavaFileObject... sources) {
        return invoke(compileCleanly(sources), mainClass, "run");
    }

    /** {@link #run} for a {@code run()} that returns the event log of the blueprints. */
    static List<String> runForLog(String mainClass, JavaFileObject... sources) {
        Object result = run(mainClass, sources);
        assertWithMessage("run() of %s must return its event log", mainClass).that(result).isInstanceOf(List.class);
        @SuppressWarnings("unchecked") // checked element by element below
        List<Object> log = (List<Object>) result;
        for (Object entry : log) {
            assertWithMessage("event log entry").that(entry).isInstanceOf(String.class);
        }
        @SuppressWarnings("unchecked") // every element is a String
        List<String> strings = (List<String>) result;
        return strings;
    }

    /**
     * Either the blueprint compiles cleanly and {@code run()} returns {@code expected}, or the
     * processor rejects it with its own tagged error in the user's file; never an error or a
     * warning in generated code.
     */
    static void runsOrIsRejectedClearly(String mainClass, String body, Object expected) {
        Compilation compilation = compile(source(mainClass, body));
        boolean clean = compilation.status() == Compilation.Status.SUCCESS
                && compilation.diagnostics().stream().noneMatch(d -> d.getKind() != Diagnostic.Kind.NOTE);
        if (clean) {
            assertWithMessage("run() of %s", mainClass).that(invoke(compilation, mainClass, "run")).isEqualTo(expected);
            return;
        }
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.NOTE) {
                continue;
            }
            String file = d.getSource() == null ? "<none>" : d.getSource().getName();
            assertWithMessage("diagnostic %s at %s:%s", d.getMessage(null), file, d.getLineNumber())
                    .that(file.contains("SOURCE_OUTPUT")).isFalse();
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                assertWithMessage("error in the user's source should be one of jasyncio's tagged errors")
                        .that(d.getMessage(null)).matches("(?s)\\[[A-Za-z]+\\].*");
                assertWithMessage("jasyncio must not crash").that(d.getMessage(null)).doesNotContain("[JasyncioInternal]");
            }
        }
    }

    /** Loads the compilation's classes into a fresh loader and calls a static no-argument method. */
    static Object invoke(Compilation compilation, String mainClass, String method) {
        ClassLoader loader = load(compilation);
        try {
            Method entry = loader.loadClass(PACKAGE + "." + mainClass).getDeclaredMethod(method);
            entry.setAccessible(true);
            return entry.invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError(mainClass + "." + method + "() threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call " + mainClass + "." + method + "()", e);
        }
    }

    /**
     * A class loader for every class file the compilation wrote (the user's classes and the
     * generated companions alike), delegating to the test's loader for the runtime.
     */
    static ClassLoader load(Compilation compilation) {
        return loader(classesOf(compilation));
    }

    /**
     * {@link #load} with the classes of {@code changed} in place of those of the same names: the
     * blueprints run against classes changed after they were compiled, as a library's may be.
     */
    static ClassLoader load(Compilation compilation, Compilation changed) {
        Map<String, byte[]> classes = classesOf(compilation);
        classes.putAll(classesOf(changed));
        return loader(classes);
    }

    private static Map<String, byte[]> classesOf(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String marker = "/CLASS_OUTPUT/";
            int at = path.indexOf(marker);
            if (at < 0) {
                continue;
            }
            String binaryName = path.substring(at + marker.length(), path.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(binaryName, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }

    private static ClassLoader loader(Map<String, byte[]> classes) {
        return new ClassLoader(BlueprintHarness.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** The text of a generated source file, such as {@code "demo.FetcherAsync"}. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName + " in "
                        + compilation.generatedSourceFiles()));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File locationOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
