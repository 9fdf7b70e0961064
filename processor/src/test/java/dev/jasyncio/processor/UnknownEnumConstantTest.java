package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compileForRelease;
import static dev.jasyncio.processor.BlueprintHarness.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * An enum switch expression without {@code default} that meets a constant added after the
 * blueprint was compiled: the machine throws what javac's code for the blueprint throws, which
 * depends on the release the user compiles for ({@code IncompatibleClassChangeError} before 21,
 * {@code MatchException} from 21 on).
 */
class UnknownEnumConstantTest {
    private static final String PAINT = """
            class Paint {
                @Async
                static Coroutine<String> name(Color color) {
                    return done(switch (color) {
                        case RED -> "red";
                        case GREEN -> await(later("green"));
                    });
                }

                /** What the machine and the blueprint called as plain Java throw for {@code BLUE}. */
                static Object run() throws ReflectiveOperationException {
                    Color blue = Color.valueOf("BLUE");
                    String machine;
                    try {
                        machine = EventLoop.run(PaintAsync.name(blue));
                    } catch (Throwable thrown) {
                        machine = thrown.getClass().getName();
                    }
                    String plain;
                    try {
                        // by reflection, since a call of a blueprint from plain code is refused
                        plain = String.valueOf(Paint.class.getDeclaredMethod("name", Color.class).invoke(null, blue));
                    } catch (java.lang.reflect.InvocationTargetException thrown) {
                        plain = thrown.getCause().getClass().getName();
                    }
                    return machine + " " + plain;
                }
            }
            """;

    @Test
    void beforeRelease21BothThrowIncompatibleClassChangeError() throws Exception {
        assertThat(runWithBlue(17)).isEqualTo("java.lang.IncompatibleClassChangeError java.lang.IncompatibleClassChangeError");
    }

    @Test
    void fromRelease21BothThrowMatchException() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "--release 21 needs a JDK 21 or later");
        assertThat(runWithBlue(21)).isEqualTo("java.lang.MatchException java.lang.MatchException");
    }

    /** Compiles {@link #PAINT} for the release, then runs it with a {@code Color} that has grown {@code BLUE}. */
    private static Object runWithBlue(int release) throws ReflectiveOperationException {
        Compilation blueprint = compileForRelease(release, source("Paint", PAINT),
                source("Color", "enum Color { RED, GREEN }\n"));
        CompilationSubject.assertThat(blueprint).succeededWithoutWarnings();
        Compilation grown = Compiler.javac().withOptions("--release", String.valueOf(release))
                .compile(JavaFileObjects.forSourceString("demo.Color", "package demo; enum Color { RED, GREEN, BLUE }"));
        CompilationSubject.assertThat(grown).succeeded();
        Method run = BlueprintHarness.load(blueprint, grown).loadClass("demo.Paint").getDeclaredMethod("run");
        run.setAccessible(true);
        try {
            return run.invoke(null);
        } catch (InvocationTargetException e) {
            throw new AssertionError("run() threw " + e.getCause(), e.getCause());
        }
    }
}
