package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.invoke;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.tasks.Coroutine;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An exception thrown inside a coroutine shows the blueprint's file, method and line in its stack
 * trace, wherever the line is: in the first state, after an await, in a statement copied as
 * written, or in the part of a statement that continues after its await.
 */
class BlueprintStackTraceTest {
    private static final JavaFileObject BLUEPRINT = sourceLines("Blueprint",
            "package demo;",
            "import static dev.jasyncio.Jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import dev.jasyncio.loop.EventLoop;",
            "import dev.jasyncio.tasks.Coroutine;",
            "class Blueprint {",
            "    @Async",
            "    static Coroutine<String> fetch(String url) {",
            "        if (url.isEmpty()) {",
            "            throw new IllegalArgumentException(\"empty url\");",                  // line 10
            "        }",
            "        await(sleep(0));",
            "        String body = \"<\" + url + \">\";",
            "        if (url.equals(\"boom\")) throw new IllegalStateException(body);",     // line 14
            "        return done(body);",
            "    }",
            "",
            "    @Async",
            "    static Coroutine<Integer> cut(String url) {",
            "        await(sleep(0));",
            "        int length = await(fetch(url)).substring(10).length();",            // line 21
            "        return done(length);",
            "    }",
            "",
            "    static Object boom() { return EventLoop.run(BlueprintAsync.fetch(\"boom\")); }",
            "    static Object empty() { return EventLoop.run(BlueprintAsync.fetch(\"\")); }",
            "    static Object cut() { return EventLoop.run(BlueprintAsync.cut(\"short\")); }",
            "    static Object created() { return BlueprintAsync.cut(\"never run\"); }",
            "}");

    @Test
    void anExceptionAfterAnAwaitNamesTheBlueprintsLine() {
        Throwable thrown = failure("boom");
        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(thrown.getStackTrace()[0].toString()).isEqualTo("demo.Blueprint.fetch(Blueprint.java:14)");
    }

    @Test
    void anExceptionInAStatementCopiedAsWrittenNamesItsOwnLine() {
        Throwable thrown = failure("empty");
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getStackTrace()[0].toString()).isEqualTo("demo.Blueprint.fetch(Blueprint.java:10)");
    }

    @Test
    void anExceptionInTheRestOfAStatementAfterItsAwaitNamesTheStatementsLine() {
        Throwable thrown = failure("cut");
        assertThat(thrown).isInstanceOf(StringIndexOutOfBoundsException.class);
        List<String> frames = Arrays.stream(thrown.getStackTrace()).map(StackTraceElement::toString).toList();
        assertThat(frames).contains("demo.Blueprint.cut(Blueprint.java:21)");
        assertThat(frames.stream().filter(frame -> frame.contains("Machine")).toList()).isEmpty();
    }

    @Test
    void aCoroutineThatHasNotStartedResumesAtTheBlueprintsDeclaration() throws Exception {
        Compilation compilation = compileCleanly(BLUEPRINT);
        Object coroutine = invoke(compilation, "Blueprint", "created");
        Method resumePoint = Coroutine.class.getDeclaredMethod("resumePoint");
        resumePoint.setAccessible(true);
        assertThat(resumePoint.invoke(coroutine).toString()).isEqualTo("demo.Blueprint.cut(Blueprint.java:19)");
    }

    private static Throwable failure(String entry) {
        try {
            invoke(compileCleanly(BLUEPRINT), "Blueprint", entry);
        } catch (AssertionError e) {
            return e.getCause();
        }
        throw new AssertionError(entry + "() did not fail");
    }
}
