package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compileAfter;
import static dev.jasyncio.processor.BlueprintHarness.invoke;
import static dev.jasyncio.processor.BlueprintHarness.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A blueprint that uses a class another processor generates: in the first round javac cannot
 * resolve it, so the processor waits for the round in which it exists instead of guessing.
 */
class DeferredTypesTest {

    /** Generates {@code demo.Token} in its first round, as AutoValue or Dagger would generate a class. */
    @SupportedAnnotationTypes("*")
    static final class TokenGenerator extends AbstractProcessor {
        private boolean generated;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!generated) {
                generated = true;
                try (Writer writer = processingEnv.getFiler().createSourceFile("demo.Token").openWriter()) {
                    writer.write("package demo;\n"
                            + "public final class Token {\n"
                            + "    public String text() { return \"generated\"; }\n"
                            + "}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void blueprintUsingAClassGeneratedInALaterRoundIsCompiledOnceItExists() {
        Compilation compilation = compileAfter(List.of(new TokenGenerator()), source("UsesToken", """
                class UsesToken {
                    @Async
                    static Coroutine<String> main() {
                        Token token = new Token();
                        await(later(0));
                        return done(token.text() + "/" + await(later("awaited")));
                    }

                    static Object run() {
                        return EventLoop.run(UsesTokenAsync.main());
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(invoke(compilation, "UsesToken", "run")).isEqualTo("generated/awaited");
    }

    /**
     * A blueprint that names the companion of a class compiled in the same build, through an import
     * from another package: the companion exists from the second round on, and the blueprint must
     * wait for it, or its lowering copies the unresolved name without the import it needs.
     */
    @Test
    void blueprintNamingACompanionOfTheSameBuildWaitsForIt() {
        JavaFileObject library = JavaFileObjects.forSourceString("lib.Library", """
                package lib;

                import static dev.jasyncio.Jasyncio.*;

                import dev.jasyncio.annotations.Async;
                import dev.jasyncio.tasks.Coroutine;

                public final class Library {
                    @Async
                    public static Coroutine<String> fetch(String key) {
                        return done("got " + key);
                    }
                }
                """);
        JavaFileObject client = JavaFileObjects.forSourceString("demo.Client", """
                package demo;

                import dev.jasyncio.annotations.Async;
                import dev.jasyncio.loop.EventLoop;
                import dev.jasyncio.tasks.Coroutine;
                import lib.LibraryAsync;

                final class Client {
                    @Async
                    static Coroutine<String> main() {
                        return LibraryAsync.fetch("a");
                    }

                    static Object run() {
                        return EventLoop.run(ClientAsync.main());
                    }
                }
                """);
        Compilation compilation = compileAfter(List.of(), library, client);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(invoke(compilation, "Client", "run")).isEqualTo("got a");
    }
}
