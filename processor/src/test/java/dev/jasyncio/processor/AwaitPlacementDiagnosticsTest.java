package dev.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.processor.checks.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Awaits where the machine cannot suspend: outside any blueprint, inside a lambda or a class body
 * in a blueprint, and inside {@code synchronized}. Each is one error at the await call,
 * whose position javac puts at the call's opening parenthesis.
 */
class AwaitPlacementDiagnosticsTest {

    @Test
    void awaitInAnOrdinaryMethodNextToABlueprintIsReported() {
        JavaFileObject file = sourceLines("Plain",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "import java.util.concurrent.CompletableFuture;",
                "class Plain {",
                "    @Async",
                "    static Coroutine<String> blueprint() {",
                "        return done(\"x\");",
                "    }",
                "",
                "    static String plain() {",
                "        return await(CompletableFuture.completedFuture(\"x\"));",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.AWAIT_OUTSIDE_ASYNC).inFile(file).onLine(13).atColumn(21);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void awaitInAFieldInitializerIsReported() {
        JavaFileObject file = sourceLines("Fields",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "import java.util.concurrent.CompletableFuture;",
                "class Fields {",
                "    static final String FIELD = await(CompletableFuture.completedFuture(\"x\"));",
                "",
                "    @Async",
                "    static Coroutine<String> blueprint() {",
                "        return done(FIELD);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.AWAIT_OUTSIDE_ASYNC).inFile(file).onLine(7).atColumn(38);
        assertThat(compilation).hadErrorCount(1);
    }

    /** A class that forgot its only {@code @Async}: nothing in the compilation is a blueprint. */
    @Test
    void awaitInACompilationWithoutAnyBlueprintIsReported() {
        JavaFileObject file = sourceLines("Forgotten",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Forgotten {",
                "    static Coroutine<String> fetch() {",
                "        await(sleep(0));",
                "        return done(\"x\");",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.AWAIT_OUTSIDE_ASYNC).inFile(file).onLine(6).atColumn(14);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void awaitInALambdaInsideABlueprintIsReported() {
        JavaFileObject file = sourceLines("Lambdas",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Lambdas {",
                "    @Async",
                "    static Coroutine<String> blueprint() {",
                "        Runnable r = () -> await(sleep(0));",
                "        r.run();",
                "        return done(\"x\");",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.AWAIT_IN_LAMBDA).inFile(file).onLine(8).atColumn(33);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void awaitInAnAnonymousClassInsideABlueprintIsReported() {
        JavaFileObject file = sourceLines("Anonymous",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Anonymous {",
                "    @Async",
                "    static Coroutine<String> blueprint() {",
                "        Runnable r = new Runnable() {",
                "            @Override",
                "            public void run() {",
                "                await(sleep(0));",
                "            }",
                "        };",
                "        r.run();",
                "        return done(\"x\");",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.AWAIT_IN_CLASS).inFile(file).onLine(11).atColumn(22);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void awaitInsideASynchronizedBlockIsReported() {
        JavaFileObject file = sourceLines("Monitors",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Monitors {",
                "    @Async",
                "    static Coroutine<String> blueprint() {",
                "        Object lock = new Object();",
                "        synchronized (lock) {",
                "            await(sleep(0));",
                "        }",
                "        return done(\"x\");",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.AWAIT_IN_SYNCHRONIZED).inFile(file).onLine(10).atColumn(18);
        assertThat(compilation).hadErrorCount(1);
    }
}
