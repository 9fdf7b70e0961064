package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compileAfter;
import static dev.jasyncio.processor.BlueprintHarness.invoke;
import static dev.jasyncio.processor.BlueprintHarness.source;

import com.google.testing.compile.Compilation;
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
}
