package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.processor.checks.Messages;
import dev.jasyncio.tasks.Coroutine;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blueprint the lowering gives up on is reported at the construct and left out of the
 * companion; the class's other blueprints still get theirs. (javac itself, not compile-testing,
 * because the companion of a compilation that failed is what this looks at.)
 */
class GiveUpOneBlueprintTest {

    @Test
    void theBlueprintGivenUpIsLeftOutAndItsSiblingIsGenerated(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/demo/Mixed.java");
        Files.createDirectories(source.getParent());
        Files.write(source, List.of(
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Mixed {",
                "    private int secret = 1;",
                "",
                "    @Async",
                "    Coroutine<Integer> bad() {",
                "        await(sleep(0));",
                "        return done(secret);",
                "    }",
                "",
                "    @Async",
                "    static Coroutine<String> good() {",
                "        await(sleep(0));",
                "        return done(\"good\");",
                "    }",
                "}"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            String classPath = locationOf(Async.class) + File.pathSeparator + locationOf(Coroutine.class);
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-classpath", classPath, "-s", generated.toString(), "-d", classes.toString()),
                    null, files.getJavaFileObjects(source));
            task.setProcessors(List.of(new AsyncMisuseProcessor(), new AsyncProcessor()));
            assertThat(task.call()).isFalse();
        }
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT))
                .toList();
        assertThat(errors).containsExactly("11:21 " + String.format(Messages.INACCESSIBLE_MEMBER, "private", "secret"));
        String companion = Files.readString(generated.resolve("demo/MixedAsync.java"));
        assertThat(companion).contains("static Coroutine<String> good() {");
        assertThat(companion).doesNotContain("bad");
    }

    private static String locationOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
