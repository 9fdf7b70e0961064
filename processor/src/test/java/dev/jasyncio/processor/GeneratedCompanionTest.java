package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.generatedSource;
import static dev.jasyncio.processor.BlueprintHarness.invoke;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated companion is meant to be read: it says where it comes from and keeps the user's names. */
class GeneratedCompanionTest {
    private static final JavaFileObject FETCHER = sourceLines("Fetcher",
            "package demo;",
            "",
            "import static dev.jasyncio.Jasyncio.*;",
            "",
            "import dev.jasyncio.annotations.Async;",
            "import dev.jasyncio.loop.EventLoop;",
            "import dev.jasyncio.tasks.Coroutine;",
            "import java.util.List;",
            "",
            "class Fetcher {",
            "    @Async",
            "    static Coroutine<String> fetch(String url) {",
            "        String body = \"<\" + url + \">\";",                      // line 13
            "        await(sleep(0));",                                       // line 14
            "        return done(body);",
            "    }",
            "",
            "    @Async",
            "    static Coroutine<Integer> total(List<String> urls) {",
            "        int total = 0;",
            "        for (String url : urls) {",                             // line 21
            "            total += await(fetch(url)).length();",              // line 22
            "        }",
            "        return done(total);",
            "    }",
            "",
            "    static Object run() {",
            "        return EventLoop.run(FetcherAsync.total(List.of(\"a\", \"bc\")));",
            "    }",
            "}");

    @Test
    void companionIsMarkedGeneratedByTheProcessor() {
        String companion = generatedSource(compileCleanly(FETCHER), "demo.FetcherAsync");
        assertThat(companion).contains("import javax.annotation.processing.Generated;");
        assertThat(companion).contains("@Generated(");
        assertThat(companion).contains("value = \"dev.jasyncio.processor.AsyncProcessor\"");
    }

    @Test
    void everyResumePointNamesTheBlueprintLineAndTheAwaitItResumesAfter() {
        String companion = generatedSource(compileCleanly(FETCHER), "demo.FetcherAsync");
        assertThat(companion).contains("// Fetcher.java:14: resumes after await(sleep(0))");
        assertThat(companion).contains("// Fetcher.java:21: next element");
        assertThat(companion).contains("// Fetcher.java:22: resumes after await(fetch(url))");
    }

    @Test
    void aStateThatOnlyOneJumpReachesIsWrittenAtThatJumpUnderItsComment() {
        String companion = generatedSource(compileCleanly(FETCHER), "demo.FetcherAsync");
        // only the test of the loop's head leaves the loop: its exit is no case of its own
        int head = companion.indexOf("// Fetcher.java:21: next element");
        int exit = companion.indexOf("// Fetcher.java:21: after the loop");
        assertThat(head).isAtLeast(0);
        assertThat(exit).isGreaterThan(head);
        assertThat(companion.substring(head, exit)).doesNotContain("case ");
        assertThat(companion.substring(exit)).contains("return total;");
    }

    @Test
    void machineKeepsTheBlueprintsParameterAndLocalNames() {
        String companion = generatedSource(compileCleanly(FETCHER), "demo.FetcherAsync");
        assertThat(companion).contains("static Coroutine<String> fetch(String url) {");
        assertThat(companion).contains("static Coroutine<Integer> total(List<String> urls) {");
        assertThat(companion).contains("private String body;");
        assertThat(companion).contains("private int total;");
        assertThat(companion).contains("FetcherAsync.fetch(url)");
        assertThat(companion).contains("total += ");
        assertThat(companion).contains("return body;");
    }

    @Test
    void companionRunsAsTheBlueprintReads() {
        Compilation compilation = compileCleanly(FETCHER);
        assertThat(invoke(compilation, "Fetcher", "run")).isEqualTo("<a>".length() + "<bc>".length());
    }

    @Test
    void multiLineStatementsCopiedFromTheBlueprintKeepTheirShape() {
        JavaFileObject source = sourceLines("Shapes",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.loop.EventLoop;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Shapes {",
                "    @Async",
                "    static Coroutine<String> main() {",
                "        await(sleep(0));",
                "        String text = \"\"\"",
                "              keep",
                "            these",
                "            \"\"\";",
                "        int sum = 0;",
                "        for (int i = 0; i < 3; i++) {",
                "            sum += i;",
                "        }",
                "        return done(text + sum);",
                "    }",
                "",
                "    static Object run() {",
                "        return EventLoop.run(ShapesAsync.main());",
                "    }",
                "}");
        Compilation compilation = compileCleanly(source);
        assertThat(invoke(compilation, "Shapes", "run")).isEqualTo("  keep\nthese\n3");
        String companion = generatedSource(compilation, "demo.ShapesAsync");
        assertThat(companion).containsMatch("\\n( +)for \\(int i = 0; i < 3; i\\+\\+\\) \\{\\n\\1    sum \\+= i;\\n\\1\\}");
    }

    /**
     * A jump that replaces a statement of copied text, {@code break} out of a lowered loop, is a
     * block indented like the code around it: its lines lost the copied line's indentation, so
     * {@code label = n;} stood at the level of its own opening brace (seen in companions of the
     * differential fuzzer's programs).
     */
    @Test
    void aJumpInCopiedCodeIsIndentedLikeTheCopiedCode() {
        JavaFileObject source = sourceLines("Breaks",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.loop.EventLoop;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Breaks {",
                "    @Async",
                "    static Coroutine<Integer> main() {",
                "        int sum = 0;",
                "        while (sum < 100) {",
                "            await(sleep(0));",
                "            if (sum > 4) {",
                "                break;",
                "            }",
                "            sum += 3;",
                "        }",
                "        return done(sum);",
                "    }",
                "",
                "    static Object run() {",
                "        return EventLoop.run(BreaksAsync.main());",
                "    }",
                "}");
        Compilation compilation = compileCleanly(source);
        assertThat(invoke(compilation, "Breaks", "run")).isEqualTo(6);
        String companion = generatedSource(compilation, "demo.BreaksAsync");
        assertThat(companion).containsMatch(
                "\\n( +)if \\(sum > 4\\) \\{\\n\\1    \\{\\n\\1        label = \\d+;\\n\\1        continue resume;\\n\\1    \\}\\n\\1\\}\\n");
    }
}
