package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.compileAfter;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jasyncio.processor.checks.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The variants of messages that other diagnostics tests show once: each reported where the
 * problem is, with the user's names in it.
 */
class DiagnosticVariantsTest {

    @Test
    void blueprintInAnAnonymousClassIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Anon",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Anon {",
                "    static Object make() {",
                "        return new Object() {",
                "            @Async",
                "            Coroutine<String> name() {",
                "                return done(\"x\");",
                "            }",
                "        };",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.NO_COMPANION_HOST, "anonymous"))
                .inFile(file).onLine(9).atColumn(31);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void protectedMemberOfASuperclassInAnotherPackageIsReportedAtTheUse() {
        JavaFileObject base = JavaFileObjects.forSourceLines("other.Base",
                "package other;",
                "public class Base {",
                "    protected int count = 1;",
                "}");
        JavaFileObject file = sourceLines("Child",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Child extends other.Base {",
                "    @Async",
                "    Coroutine<Integer> read() {",
                "        await(sleep(0));",
                "        return done(count);",
                "    }",
                "}");
        Compilation compilation = compile(base, file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.INACCESSIBLE_MEMBER, "protected", "count"))
                .inFile(file).onLine(9).atColumn(21);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void privateClassKeptAcrossAnAwaitIsReportedAtTheLocal() {
        JavaFileObject file = sourceLines("Vault",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Vault {",
                "    private static final class Secret {",
                "        int value = 1;",
                "    }",
                "",
                "    @Async",
                "    static Coroutine<Integer> open() {",
                "        Secret secret = new Secret();",
                "        await(sleep(0));",
                "        return done(secret.value);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.INACCESSIBLE_MEMBER, "private", "Secret"))
                .inFile(file).onLine(12).atColumn(16);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void superOfAnInterfaceIsReportedAtTheUse() {
        JavaFileObject greeter = sourceLines("Greeter",
                "package demo;",
                "interface Greeter {",
                "    default String greet() {",
                "        return \"hi\";",
                "    }",
                "}");
        JavaFileObject file = sourceLines("Polite",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Polite implements Greeter {",
                "    @Async",
                "    Coroutine<String> hello() {",
                "        return done(Greeter.super.greet());",
                "    }",
                "}");
        Compilation compilation = compile(greeter, file);
        assertThat(compilation).hadErrorContaining(Messages.SUPER_IN_ASYNC).inFile(file).onLine(8).atColumn(28);
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * Ordinary code that passes a companion's coroutine, generated in the same compilation, to a
     * generic method in a primitive context: the misuse check looking at that call in the first
     * round, before the companion exists, made javac 25 report inference errors without a position.
     */
    @Test
    void companionCallsInOrdinaryCodeAreNotAttributedBeforeTheCompanionExists() {
        JavaFileObject counter = sourceLines("Counter",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Counter {",
                "    @Async",
                "    static Coroutine<Integer> count(int n) {",
                "        await(sleep(0));",
                "        return done(n);",
                "    }",
                "}");
        JavaFileObject check = sourceLines("Check",
                "package demo;",
                "import dev.jasyncio.loop.EventLoop;",
                "class Check {",
                "    static void expect(int expected, int actual) {",
                "        if (expected != actual) {",
                "            throw new AssertionError(actual);",
                "        }",
                "    }",
                "",
                "    static void check() {",
                "        expect(3, EventLoop.run(CounterAsync.count(3)));",
                "    }",
                "}");
        BlueprintHarness.compileCleanly(counter, check);
    }

    /** Another processor took the companion's name first: the class is named, the build does not crash. */
    @Test
    void companionThatCannotBeWrittenIsReportedAtTheClass() {
        JavaFileObject file = sourceLines("Clash",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Clash {",
                "    @Async",
                "    static Coroutine<String> name() {",
                "        return done(\"x\");",
                "    }",
                "}");
        Compilation compilation = compileAfter(List.of(new Squatter("demo.ClashAsync")), file);
        String expected = String.format(Messages.WRITE_FAILED, "demo.ClashAsync", "");
        assertThat(compilation).hadErrorContaining(expected.substring(0, expected.indexOf(" (")))
                .inFile(file).onLine(5).atColumn(1);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation.errors().get(0).getMessage(null)).doesNotContain("[JasyncioInternal]");
    }

    /** Generates an empty class of a given name in the first round, before jasyncio's processors run. */
    private static final class Squatter extends AbstractProcessor {
        private final String name;
        private boolean written;

        Squatter(String name) {
            this.name = name;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                int dot = name.lastIndexOf('.');
                try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                    out.write("package " + name.substring(0, dot) + ";\nfinal class " + name.substring(dot + 1) + " {}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
