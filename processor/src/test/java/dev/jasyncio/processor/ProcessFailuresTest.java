package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.jasyncio.processor.checks.Messages;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The two messages that belong to no source position: a compiler without javac's tree API, and a
 * failure of the processor itself. Each is one error, and nothing escapes {@code process}.
 */
class ProcessFailuresTest {

    @Test
    void aCompilerWithoutJavacsTreesGetsOneClearErrorOnce() {
        List<String> printed = new ArrayList<>();
        Messager messager = proxy(Messager.class, (self, method, args) -> {
            if (method.getName().equals("printMessage")) {
                printed.add(args[0] + " " + args[1] + (args.length > 2 ? " at " + args[2] : ""));
            }
            return null;
        });
        ProcessingEnvironment environment = proxy(ProcessingEnvironment.class, (self, method, args) -> switch (method.getName()) {
            case "getMessager" -> messager;
            case "getOptions" -> Map.of();
            default -> null;
        });
        AsyncProcessor processor = new AsyncProcessor();
        processor.init(environment);
        RoundEnvironment round = proxy(RoundEnvironment.class, (self, method, args) -> null);
        Set<TypeElement> annotations = Set.of(proxy(TypeElement.class, (self, method, args) -> null));
        assertThat(processor.process(annotations, round)).isTrue();
        assertThat(processor.process(annotations, round)).isTrue();
        assertThat(printed).containsExactly("ERROR " + String.format(Messages.NO_TREES, environment.getClass().getName()));
    }

    @Test
    void aFailureInsideTheProcessorBecomesOneErrorWithItsTrace() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new FailingRounds())
                .compile(JavaFileObjects.forSourceLines("demo.Plain", "package demo;", "class Plain {}"));
        assertThat(compilation).hadErrorContaining(String.format(Messages.INTERNAL_ERROR,
                IllegalStateException.class.getName() + ": simulated failure"));
        assertThat(compilation).hadErrorCount(1);
    }

    /** {@link AsyncMisuseProcessor} given a first round that fails on every question, as a bug inside it would. */
    private static final class FailingRounds extends AbstractProcessor {
        private final AsyncMisuseProcessor delegate = new AsyncMisuseProcessor();

        @Override
        public synchronized void init(ProcessingEnvironment environment) {
            super.init(environment);
            delegate.init(environment);
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
            if (round.processingOver()) {
                return false;
            }
            RoundEnvironment failing = proxy(RoundEnvironment.class, (self, method, args) -> {
                throw new IllegalStateException("simulated failure");
            });
            return delegate.process(annotations, failing);
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(ProcessFailuresTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> type.getSimpleName();
                    default -> handler.invoke(self, method, args);
                }));
    }
}
