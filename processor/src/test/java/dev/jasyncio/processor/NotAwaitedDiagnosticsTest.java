package dev.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.processor.checks.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A coroutine created and dropped never runs: one warning at the call (javac puts a call's
 * position at its opening parenthesis), quoting the user's call in the proposed fix.
 */
class NotAwaitedDiagnosticsTest {

    /** Lines 1-10 of every source here: a blueprint {@code fetch} to drop, and a plain helper that returns a coroutine. */
    private static String[] withFetch(String name, String... rest) {
        String[] head = {
            "package demo;",
            "import static dev.jasyncio.Jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import dev.jasyncio.tasks.Coroutine;",
            "class " + name + " {",
            "    @Async",
            "    static Coroutine<String> fetch(String url) {",
            "        return done(url);",
            "    }",
            "    static Coroutine<String> helper() { return " + name + "Async.fetch(\"h\"); }",
        };
        String[] all = new String[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    @Test
    void blueprintCallDroppedInABlueprintIsAWarningAtTheCall() {
        JavaFileObject file = sourceLines("Dropped", withFetch("Dropped",
                "    @Async",
                "    static Coroutine<String> main() {",
                "        fetch(\"a\");",
                "        return done(\"x\");",
                "    }",
                "}"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED, "fetch(\"a\")"))
                .inFile(file).onLine(13).atColumn(14);
        assertThat(compilation).hadWarningCount(1);
    }

    /** A companion generated in the same compilation: the blueprint that uses it waits a round for its type. */
    @Test
    void companionCallDroppedInABlueprintIsAWarningAtTheCall() {
        JavaFileObject library = sourceLines("Library", withFetch("Library", "}"));
        JavaFileObject file = sourceLines("Client",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Client {",
                "    @Async",
                "    static Coroutine<String> main() {",
                "        LibraryAsync.fetch(\"a\");",
                "        return done(\"x\");",
                "    }",
                "}");
        Compilation compilation = compile(library, file);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED, "LibraryAsync.fetch(\"a\")"))
                .inFile(file).onLine(8).atColumn(27);
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void anyMethodReturningACoroutineDroppedInABlueprintIsAWarning() {
        JavaFileObject file = sourceLines("Helper", withFetch("Helper",
                "    @Async",
                "    static Coroutine<String> main() {",
                "        Runnable later = () -> {",
                "            helper();",
                "        };",
                "        later.run();",
                "        return done(\"x\");",
                "    }",
                "}"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED, "helper()"))
                .inFile(file).onLine(14).atColumn(19);
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void droppedDoneProposesToReturnIt() {
        JavaFileObject file = sourceLines("Early", withFetch("Early",
                "    @Async",
                "    static Coroutine<String> main(boolean early) {",
                "        if (early) {",
                "            done(\"early\");",
                "        }",
                "        return done(\"late\");",
                "    }",
                "}"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED_DONE, "done(\"early\")"))
                .inFile(file).onLine(14).atColumn(17);
        assertThat(compilation).hadWarningCount(1);
    }

    /** asyncio's classic: {@code asyncio.sleep(1)} without {@code await} waits for nothing. */
    @Test
    void droppedSleepProposesToAwaitIt() {
        JavaFileObject file = sourceLines("Nap", withFetch("Nap",
                "    @Async",
                "    static Coroutine<String> main() {",
                "        sleep(10);",
                "        return done(\"x\");",
                "    }",
                "}"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED_SLEEP, "sleep(10)"))
                .inFile(file).onLine(13).atColumn(14);
        assertThat(compilation).hadWarningCount(1);
    }

    /** The companion is generated in the same compilation, so the call's type is only known a round later. */
    @Test
    void companionCallDroppedInOrdinaryCodeIsAWarningAtTheCall() {
        JavaFileObject file = sourceLines("Starter", withFetch("Starter",
                "    static void start() {",
                "        StarterAsync.fetch(\"a\");",
                "    }",
                "}"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED_ORDINARY, "StarterAsync.fetch(\"a\")"))
                .inFile(file).onLine(12).atColumn(27);
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void coroutineDroppedByAnExpressionLambdaIsAWarningAtTheCall() {
        JavaFileObject file = sourceLines("Each", withFetch("Each",
                "    @Async",
                "    static Coroutine<String> main(java.util.List<String> urls) {",
                "        urls.forEach(url -> fetch(url));",
                "        return done(\"x\");",
                "    }",
                "    static void startAll(java.util.List<String> urls) {",
                "        urls.forEach(url -> EachAsync.fetch(url));",
                "    }",
                "}"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED, "fetch(url)"))
                .inFile(file).onLine(13).atColumn(34);
        assertThat(compilation).hadWarningContaining(String.format(Messages.NOT_AWAITED_ORDINARY, "EachAsync.fetch(url)"))
                .inFile(file).onLine(17).atColumn(44);
        assertThat(compilation).hadWarningCount(2);
    }

    @Test
    void awaitedStoredReturnedAndTaskedCoroutinesAreNotWarnedAbout() {
        compileCleanly(sourceLines("Fine", withFetch("Fine",
                "    @Async",
                "    static Coroutine<String> main() {",
                "        await(fetch(\"a\"));",
                "        Coroutine<String> kept = fetch(\"b\");",
                "        createTask(fetch(\"c\"));",
                "        await(kept);",
                "        await(sleep(0));",
                "        java.util.function.Supplier<Coroutine<String>> later = () -> fetch(\"f\");",
                "        await(later.get());",
                "        return fetch(\"d\");",
                "    }",
                "    static Object plain() {",
                "        return FineAsync.fetch(\"e\");",
                "    }",
                "}")));
    }

    @Test
    void suppressWarningsOnTheMethodSilencesIt() {
        compileCleanly(sourceLines("Silenced", withFetch("Silenced",
                "    @Async",
                "    @SuppressWarnings(\"jasyncio-not-awaited\")",
                "    static Coroutine<String> main() {",
                "        fetch(\"a\");",
                "        return done(\"x\");",
                "    }",
                "}")));
    }
}
