package dev.jasyncio.processor.differential;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.processor.AsyncMisuseProcessor;
import dev.jasyncio.processor.AsyncProcessor;
import dev.jasyncio.tasks.Coroutine;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac through {@code javax.tools}, entirely in memory: many blueprint classes per invocation,
 * under {@code -Xlint:all -Werror}, with jasyncio's processors (in the order of the jar's
 * {@code META-INF/services}) or with none. The fuzzer, the conformance suite and the processor
 * speed benchmark all compile through it, so they measure and check exactly the same thing.
 */
public final class MemoryJavac {

    /** The options every compilation uses, with {@code --release}; {@code -proc:none} is added when the processor is off. */
    private static final List<String> OPTIONS = List.of("-Xlint:all", "-Werror", "--release");

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private final String classPath = Stream.of(Async.class, Coroutine.class, Probe.class)
            .map(MemoryJavac::locationOf)
            .distinct()
            .collect(Collectors.joining(File.pathSeparator));

    private final int release;

    /** Compiles Java 17 sources, the project's own level. */
    public MemoryJavac() {
        this(17);
    }

    /** Compiles sources of the given Java release ({@code --release}), which the running JDK must support. */
    public MemoryJavac(int release) {
        this.release = release;
    }

    /** A compilation unit given as text. */
    public record Source(String qualifiedName, String text) {}

    /**
     * What javac left behind: its diagnostics, the class files and the generated sources, by
     * binary and qualified name.
     */
    public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
            Map<String, byte[]> classes, Map<String, String> generatedSources) {

        /** Errors and warnings, each as {@code file:line:column: kind: message}. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                if (d.getKind() != Diagnostic.Kind.NOTE) {
                    problems.add(describe(d));
                }
            }
            return problems;
        }

        /** A loader for every class file of the compilation, on top of the test's own classes. */
        public ClassLoader loader() {
            return new ClassLoader(MemoryJavac.class.getClassLoader()) {
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
    }

    /** Compiles {@code sources} with jasyncio's processors. */
    public Result compile(List<Source> sources) {
        return compile(sources, true);
    }

    /** Compiles {@code sources}, with jasyncio's processors or with annotation processing off. */
    public Result compile(List<Source> sources, boolean withProcessor) {
        return compileWith(sources, withProcessor ? List.of(new AsyncMisuseProcessor(), new AsyncProcessor()) : List.of());
    }

    /** Compiles {@code sources} with the given processors; with none, annotation processing is off. */
    public Result compileWith(List<Source> sources, List<Processor> processors) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new HashMap<>();
        Map<String, String> generated = new HashMap<>();
        StandardJavaFileManager standard = JAVAC.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(OPTIONS);
        options.add(Integer.toString(release));
        options.add("-classpath");
        options.add(classPath);
        if (processors.isEmpty()) {
            options.add("-proc:none");
        }
        List<JavaFileObject> units = sources.stream().map(MemoryJavac::unit).toList();
        JavaCompiler.CompilationTask task = JAVAC.getTask(null, new Outputs(standard, classes, generated),
                diagnostics, options, null, units);
        if (!processors.isEmpty()) {
            task.setProcessors(processors);
        }
        boolean success = task.call();
        return new Result(success, diagnostics.getDiagnostics(), classes, generated);
    }

    /**
     * Compiles {@code sources} together and, only if that fails, each on its own, so that one bad
     * unit does not hide the others: the result for each source, in order.
     */
    public List<Result> compileEach(List<Source> sources) {
        Result together = compile(sources);
        if (together.success() && together.problems().isEmpty()) {
            return sources.stream().map(source -> together).toList();
        }
        return sources.stream().map(source -> compile(List.of(source))).toList();
    }

    /** {@code file:line:column: kind: message} for one diagnostic. */
    public static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "<none>" : d.getSource().getName();
        return file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(null);
    }

    private static JavaFileObject unit(Source source) {
        URI uri = URI.create("mem:///" + source.qualifiedName().replace('.', '/') + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source.text();
            }
        };
    }

    /** Keeps every class file and generated source in memory instead of writing it. */
    private static final class Outputs extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, byte[]> classes;
        private final Map<String, String> generated;

        Outputs(JavaFileManager standard, Map<String, byte[]> classes, Map<String, String> generated) {
            super(standard);
            this.classes = classes;
            this.generated = generated;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            URI uri = URI.create("mem:///" + location.getName() + "/" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                private String text = "";

                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            if (kind == JavaFileObject.Kind.CLASS) {
                                classes.put(className, toByteArray());
                            } else {
                                text = toString(StandardCharsets.UTF_8);
                                generated.put(className, text);
                            }
                        }
                    };
                }

                @Override
                public Writer openWriter() {
                    return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
                }

                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
        }
    }

    private static String locationOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
