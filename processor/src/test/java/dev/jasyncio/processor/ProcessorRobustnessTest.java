package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A blueprint with a genuine mistake in it gets javac's own error, where javac puts it; the
 * processor never fails with an internal error on the way, and writes no companion that fails to
 * compile because of the user's mistake.
 */
class ProcessorRobustnessTest {

    @Test
    void unknownVariableInABlueprintGivesJavacsErrorAndNoInternalError() {
        JavaFileObject file = sourceLines("Broken",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Broken {",
                "    @Async",
                "    static Coroutine<String> broken() {",
                "        await(sleep(0));",
                "        return done(undefinedName);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLine(9).atColumn(21);
        assertThat(internalErrors(compilation)).isEmpty();
        assertThat(errorsInGeneratedFiles(compilation)).isEmpty();
    }

    @Test
    void unknownMethodInsideAnAwaitGivesJavacsErrorAndNoInternalError() {
        JavaFileObject file = sourceLines("BrokenCall",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class BrokenCall {",
                "    @Async",
                "    static Coroutine<String> broken() {",
                "        String s = await(undefinedCall(1));",
                "        return done(s);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLine(8).atColumn(26);
        assertThat(internalErrors(compilation)).isEmpty();
        assertThat(errorsInGeneratedFiles(compilation)).isEmpty();
    }

    @Test
    void unknownTypeOfALocalGivesJavacsErrorAndNoInternalError() {
        JavaFileObject file = sourceLines("BrokenType",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class BrokenType {",
                "    @Async",
                "    static Coroutine<String> broken() {",
                "        UnknownType value = null;",
                "        await(sleep(0));",
                "        return done(String.valueOf(value));",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLine(8).atColumn(9);
        assertThat(internalErrors(compilation)).isEmpty();
        assertThat(errorsInGeneratedFiles(compilation)).isEmpty();
    }

    @Test
    void awaitOfSomethingNotAwaitableGivesJavacsErrorAndNoInternalError() {
        JavaFileObject file = sourceLines("NotAwaitable",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class NotAwaitable {",
                "    @Async",
                "    static Coroutine<String> broken() {",
                "        String s = await(\"text\");",
                "        return done(s);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("no suitable method found for await(java.lang.String)")
                .inFile(file).onLine(8).atColumn(20);
        assertThat(internalErrors(compilation)).isEmpty();
        assertThat(errorsInGeneratedFiles(compilation)).isEmpty();
    }

    /** Errors in generated code: a blueprint javac rejects must not also produce a companion that fails to compile. */
    private static List<String> errorsInGeneratedFiles(Compilation compilation) {
        return compilation.errors().stream()
                .filter(error -> error.getSource() != null && error.getSource().toUri().getPath().contains("/SOURCE_OUTPUT/"))
                .map(error -> error.getSource().getName() + ":" + error.getLineNumber() + ": " + error.getMessage(Locale.ROOT))
                .toList();
    }

    private static List<String> internalErrors(Compilation compilation) {
        return compilation.diagnostics().stream()
                .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                .filter(message -> message.contains("[JasyncioInternal]"))
                .toList();
    }
}
