package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.generatedSource;
import static dev.jasyncio.processor.BlueprintHarness.invoke;
import static dev.jasyncio.processor.BlueprintHarness.source;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import dev.jasyncio.processor.checks.Messages;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A class whose ordinary code passes a coroutine of a companion not generated yet through two
 * calls, {@code expect(3, EventLoop.run(CounterAsync.count(3)))}: attributing it before the
 * companion exists made javac 25 fail the build with an inference error without a position. Its
 * companion is written first from the blueprints' declarations, forwarding to the machines, which
 * come a round later, once the class can be attributed.
 */
class ForwardingCompanionTest {

    @Test
    void ordinaryCodeOfTheBlueprintsClassPassesItsCompanionsCoroutineThroughTwoCalls() {
        Compilation compilation = compileCleanly(source("Counter", """
                class Counter<T> {
                    final T label;

                    Counter(T label) {
                        this.label = label;
                    }

                    @Async
                    static Coroutine<Integer> count(int n) {
                        await(later(0));
                        return done(n);
                    }

                    @Async
                    @SafeVarargs
                    final <U extends Comparable<U>> Coroutine<String> describe(U... values) {
                        return done(label + ":" + await(later(values.length)));
                    }

                    static void expect(int expected, int actual) {
                        if (expected != actual) {
                            throw new AssertionError(actual);
                        }
                    }

                    static Object run() {
                        expect(3, EventLoop.run(CounterAsync.count(3)));
                        return List.of(Math.max(1, EventLoop.run(CounterAsync.count(4))),
                                EventLoop.run(CounterAsync.describe(new Counter<>("c"), 1, 2)));
                    }
                }
                """));
        assertThat(invoke(compilation, "Counter", "run")).isEqualTo(List.of(4, "c:2"));
        assertThat(generatedSource(compilation, "demo.CounterAsync")).contains("return CounterAsyncMachines.count(n);");
    }

    @Test
    void twoClassesThatPassEachOthersCoroutinesThroughTwoCallsBothCompile() {
        JavaFileObject ping = source("Ping", """
                class Ping {
                    @Async
                    static Coroutine<String> ping(int n) {
                        return done(n == 0 ? "ping" : "ping " + await(Pong.pong(n - 1)));
                    }

                    static Object run() {
                        return List.of(String.valueOf(EventLoop.run(PongAsync.pong(1))), Pong.check());
                    }
                }
                """);
        JavaFileObject pong = source("Pong", """
                class Pong {
                    @Async
                    static Coroutine<String> pong(int n) {
                        return done(n == 0 ? "pong" : "pong " + await(Ping.ping(n - 1)));
                    }

                    static int check() {
                        return Math.max(0, EventLoop.run(PingAsync.ping(2)).length());
                    }
                }
                """);
        Compilation compilation = compileCleanly(ping, pong);
        assertThat(invoke(compilation, "Ping", "run")).isEqualTo(List.of("pong ping", "ping pong ping".length()));
    }

    @Test
    void aBlueprintThatFailsAfterItsCompanionWasWrittenIsTheOnlyError() {
        JavaFileObject file = sourceLines("Failing",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.loop.EventLoop;",
                "import dev.jasyncio.tasks.Coroutine;",
                "import java.util.concurrent.CompletableFuture;",
                "import java.util.function.Supplier;",
                "class Failing {",
                "    @Async",
                "    static Coroutine<String> good() {",
                "        return done(\"good\");",
                "    }",
                "",
                "    @Async",
                "    static Coroutine<String> bad() {",
                "        Supplier<String> later = () -> await(CompletableFuture.completedFuture(\"x\"));",
                "        return done(later.get());",
                "    }",
                "",
                "    static int check() {",
                "        return Math.max(0, EventLoop.run(FailingAsync.good()).length());",
                "    }",
                "}");
        Compilation compilation = compile(file);
        CompilationSubject.assertThat(compilation).hadErrorContaining(Messages.AWAIT_IN_LAMBDA)
                .inFile(file).onLine(16).atColumn(45);
        CompilationSubject.assertThat(compilation).hadErrorCount(1);
    }
}
