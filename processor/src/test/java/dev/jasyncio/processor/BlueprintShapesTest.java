package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.source;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kinds of blueprint a class may declare, and how their companions are called: static and
 * instance (receiver first), with parameters, generic methods and generic classes, calls between
 * blueprints, blueprints without an await, and lambdas that capture the machine's locals.
 */
class BlueprintShapesTest {

    @Test
    void staticBlueprintWithParametersRunsThroughItsCompanionFactory() {
        assertThat(run("Greeter", source("Greeter", """
                class Greeter {
                    @Async
                    static Coroutine<String> greet(String greeting, String name, int times) {
                        String text = await(later(greeting)) + " " + name;
                        return done(text.repeat(times));
                    }

                    static Object run() {
                        return EventLoop.run(GreeterAsync.greet("hi", "bo", 2));
                    }
                }
                """))).isEqualTo("hi bohi bo");
    }

    @Test
    void parameterReassignedAcrossAwaitsKeepsItsLatestValue() {
        assertThat(run("Countdown", source("Countdown", """
                class Countdown {
                    @Async
                    static Coroutine<String> countdown(int n) {
                        StringBuilder out = new StringBuilder();
                        while (n > 0) {
                            out.append(n);
                            n -= await(later(1));
                        }
                        return done(out + "/" + n);
                    }

                    static Object run() {
                        return EventLoop.run(CountdownAsync.countdown(3));
                    }
                }
                """))).isEqualTo("321/0");
    }

    @Test
    void instanceBlueprintTakesItsReceiverFirstAndSeesItsFieldsAndMethods() {
        assertThat(run("Account", source("Account", """
                class Account {
                    int balance;
                    final String owner;

                    Account(String owner, int balance) {
                        this.owner = owner;
                        this.balance = balance;
                    }

                    String describe() {
                        return owner + ":" + balance;
                    }

                    @Async
                    Coroutine<String> deposit(int amount) {
                        balance += await(later(amount));
                        this.balance *= 2;
                        return done(describe());
                    }

                    static Object run() {
                        Account account = new Account("ann", 10);
                        String described = EventLoop.run(AccountAsync.deposit(account, 5));
                        return described + "," + account.balance;
                    }
                }
                """))).isEqualTo("ann:30,30");
    }

    @Test
    void genericMethodBlueprintWorksForEveryTypeArgument() {
        assertThat(run("Identity", source("Identity", """
                class Identity {
                    @Async
                    static <T> Coroutine<T> identity(T x) {
                        T same = await(later(x));
                        return done(same);
                    }

                    @Async
                    static Coroutine<String> main() {
                        String s = await(identity("s"));
                        int n = await(identity(41)) + 1;
                        List<String> list = await(Identity.<List<String>>identity(List.of("l")));
                        return done(s + n + list);
                    }

                    static Object run() {
                        return EventLoop.run(IdentityAsync.main()) + EventLoop.run(IdentityAsync.identity("!"));
                    }
                }
                """))).isEqualTo("s42[l]!");
    }

    @Test
    void instanceBlueprintOfAGenericClassKeepsTheClassesTypeArgument() {
        assertThat(run("Box", source("Box", """
                class Box<T> {
                    final T value;

                    Box(T value) {
                        this.value = value;
                    }

                    @Async
                    Coroutine<T> get() {
                        T fetched = await(later(value));
                        return done(fetched);
                    }

                    @Async
                    <R> Coroutine<R> map(Function<? super T, ? extends R> mapper) {
                        T current = await(get());
                        return done(mapper.apply(current));
                    }

                    static Object run() {
                        Box<String> box = new Box<>("abc");
                        String got = EventLoop.run(BoxAsync.get(box));
                        Integer length = EventLoop.run(BoxAsync.map(box, String::length));
                        return got + length;
                    }
                }
                """))).isEqualTo("abc3");
    }

    @Test
    void blueprintsCallBlueprintsOfTheirOwnClassAndOfAnotherClass() {
        assertThat(run("Caller", source("Caller", """
                class Caller {
                    final String name;

                    Caller(String name) {
                        this.name = name;
                    }

                    @Async
                    static Coroutine<String> bracket(String text) {
                        return done("[" + await(later(text)) + "]");
                    }

                    @Async
                    Coroutine<String> own() {
                        return done(await(later(name)));
                    }

                    @Async
                    Coroutine<String> main(Callee other) {
                        String mine = await(own());
                        String theirs = await(other.shout(mine));
                        String staticOther = await(Callee.twice(theirs));
                        return done(await(bracket(staticOther)) + await(Caller.bracket(this.name)));
                    }

                    static Object run() {
                        return EventLoop.run(CallerAsync.main(new Caller("me"), new Callee()));
                    }
                }
                """), source("Callee", """
                class Callee {
                    @Async
                    Coroutine<String> shout(String text) {
                        return done(await(later(text.toUpperCase())) + "!");
                    }

                    @Async
                    static Coroutine<String> twice(String text) {
                        await(later(0));
                        return done(text + text);
                    }
                }
                """))).isEqualTo("[ME!ME!][me]");
    }

    @Test
    void blueprintWithoutAnyAwaitStillRunsItsStatements() {
        assertThat(run("NoAwait", source("NoAwait", """
                class NoAwait {
                    @Async
                    static Coroutine<Integer> sum(int[] values) {
                        int total = 0;
                        for (int value : values) {
                            if (value < 0) {
                                continue;
                            }
                            total += value;
                        }
                        return done(total);
                    }

                    @Async
                    static Coroutine<String> constant() {
                        return done("c");
                    }

                    static Object run() {
                        return EventLoop.run(NoAwaitAsync.sum(new int[] {1, -5, 2, 3})) + EventLoop.run(NoAwaitAsync.constant());
                    }
                }
                """))).isEqualTo("6c");
    }

    @Test
    void lambdaCreatedInALoopCapturesThatIterationsValueOfALocalThatLivesAcrossAnAwait() {
        assertThat(run("Capture", source("Capture", """
                class Capture {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<Supplier<String>> suppliers = new ArrayList<>();
                        for (int i = 0; i < 3; i++) {
                            String item = "v" + i;
                            await(later(i));
                            suppliers.add(() -> item);
                            int square = i * i;
                            Supplier<String> late = () -> item + "^2=" + square;
                            await(later(0));
                            suppliers.add(late);
                        }
                        List<String> values = new ArrayList<>();
                        for (Supplier<String> supplier : suppliers) {
                            values.add(supplier.get());
                        }
                        return done(values);
                    }

                    static Object run() {
                        return EventLoop.run(CaptureAsync.main());
                    }
                }
                """))).isEqualTo(List.of("v0", "v0^2=0", "v1", "v1^2=1", "v2", "v2^2=4"));
    }

    @Test
    void anonymousClassCreatedInALoopCapturesThatIterationsValueOfALocalThatLivesAcrossAnAwait() {
        assertThat(run("AnonymousCapture", source("AnonymousCapture", """
                class AnonymousCapture {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<Supplier<String>> suppliers = new ArrayList<>();
                        for (String word : List.of("a", "b")) {
                            String upper = await(later(word.toUpperCase()));
                            suppliers.add(new Supplier<String>() {
                                @Override
                                public String get() {
                                    return word + upper;
                                }
                            });
                            await(later(0));
                        }
                        List<String> values = new ArrayList<>();
                        for (Supplier<String> supplier : suppliers) {
                            values.add(supplier.get());
                        }
                        return done(values);
                    }

                    static Object run() {
                        return EventLoop.run(AnonymousCaptureAsync.main());
                    }
                }
                """))).isEqualTo(List.of("aA", "bB"));
    }

    @Test
    void companionOfANestedClassIsNamedAfterTheOuterAndInnerClass() {
        assertThat(run("Outer", source("Outer", """
                class Outer {
                    static class Inner {
                        @Async
                        static Coroutine<String> hello() {
                            return done(await(later("inner")));
                        }
                    }

                    static Object run() {
                        return EventLoop.run(Outer_InnerAsync.hello());
                    }
                }
                """))).isEqualTo("inner");
    }
}
