package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Coroutine;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor outside Maven, the way a user of plain javac runs it: the processor jar and JavaPoet
 * on {@code -processorpath} (explicit configuration, which JDK 23+ needs to run processors at all).
 *
 * <p>javac runs as its own process. In this JVM, {@code javax.tools} would build the processor
 * path's class loader on top of the test class path, where the processor and JavaPoet already are,
 * so a missing jar on {@code -processorpath} would go unnoticed.
 */
class PlainJavacTest {
    private static final String GREETER = """
            package greeting;

            import static dev.jasyncio.Jasyncio.await;
            import static dev.jasyncio.Jasyncio.done;
            import static dev.jasyncio.Jasyncio.sleep;

            import dev.jasyncio.annotations.Async;
            import dev.jasyncio.tasks.Coroutine;

            public final class Greeter {
                @Async
                public static Coroutine<String> greet(String name) {
                    await(sleep(1));
                    return done("Hello, " + name);
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void processorPathAloneCompilesAndTheCoroutineRuns() throws Exception {
        Path source = Files.createDirectories(work.resolve("src/greeting")).resolve("Greeter.java");
        Files.writeString(source, GREETER);
        Path classes = work.resolve("classes");
        Path generated = work.resolve("generated");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "--release", "17", "-Xlint:all", "-Werror",
                "-classpath", pathOf(Async.class, EventLoop.class),
                "-processorpath", pathOf(classNamed("dev.jasyncio.processor.AsyncProcessor"),
                        classNamed("com.palantir.javapoet.JavaFile")),
                "-d", classes.toString(),
                "-s", generated.toString(),
                source.toString()));
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), Charset.defaultCharset());
        assertTrue(javac.waitFor(2, TimeUnit.MINUTES));

        assertEquals(0, javac.exitValue(), output);
        assertEquals("", output, "no warnings or notes either");
        assertTrue(Files.exists(generated.resolve("greeting/GreeterAsync.java")));
        assertEquals("Hello, javac", runGreet(classes, "javac"));
    }

    /** Calls the freshly compiled companion's factory and runs the coroutine it returns. */
    private Object runGreet(Path classes, String name) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Object coroutine = loader.loadClass("greeting.GreeterAsync").getMethod("greet", String.class).invoke(null, name);
            return EventLoop.run((Coroutine<?>) coroutine);
        }
    }

    /** Loaded only to find its jar: the processor is no compile-time dependency of these tests. */
    private Class<?> classNamed(String name) throws ClassNotFoundException {
        return Class.forName(name, false, getClass().getClassLoader());
    }

    /** The class path entries (jars, or class directories in a reactor build) the classes came from. */
    private static String pathOf(Class<?>... classes) {
        return Stream.of(classes)
                .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
                .map(PlainJavacTest::toPath)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String toPath(URL location) {
        try {
            return Path.of(location.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class path entry is not a file: " + location, e);
        }
    }
}
