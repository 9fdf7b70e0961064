package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.assumeJava21;
import static dev.jasyncio.processor.BlueprintHarness.compileJava21;
import static dev.jasyncio.processor.BlueprintHarness.runJava21;
import static dev.jasyncio.processor.BlueprintHarness.source;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import dev.jasyncio.processor.checks.Messages;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Switches with pattern labels, {@code case null} and guards (Java 21 sources, compiled with
 * {@code --release 21}; skipped on an older JDK) that await in the selector, in case bodies and in
 * yielded values: the machine takes the case Java takes (first match in order, guards, null and
 * unmatched selectors), and the bindings keep their values across awaits.
 */
class PatternSwitchLoweringTest {

    /** A sealed hierarchy, nested in the classes that switch over it. */
    private static final String SHAPES = """
                sealed interface Shape permits Circle, Square, Group {}

                record Circle(int radius) implements Shape {}

                record Square(int side) implements Shape {}

                record Group(Shape first, Shape second) implements Shape {}

            """;

    @BeforeEach
    void needsJava21() {
        assumeJava21();
    }

    @Test
    void typePatternsGuardsAndCaseNullOnAnAwaitedSelectorKeepTheirBindingsAcrossAwaits() {
        assertThat(runJava21("Statements", source("Statements", """
                class Statements {
                """ + SHAPES + """
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        int limit = 3;
                        List<Shape> shapes = Arrays.asList(new Circle(1), new Circle(5), new Square(2),
                                new Group(new Square(1), new Circle(2)), null);
                        for (Shape each : shapes) {
                            switch (await(later(log, "select", each))) {
                                case Circle c when c.radius() > limit -> {
                                    await(later(log, "big circle", 0));
                                    log.add("radius " + c.radius());
                                }
                                case Circle c -> log.add("small circle " + await(later(c.radius())));
                                case Square s -> {
                                    int area = await(later(s.side() * s.side()));
                                    log.add("square " + s.side() + " area " + area);
                                }
                                case Group g -> {
                                    await(later(log, "group", 0));
                                    log.add("group of " + g.first().getClass().getSimpleName());
                                }
                                case null -> log.add("null " + await(later("shape")));
                            }
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(StatementsAsync.main());
                    }
                }
                """))).isEqualTo(List.of(
                "select", "small circle 1",
                "select", "big circle", "radius 5",
                "select", "square 2 area 4",
                "select", "group", "group of Square",
                "select", "null shape"));
    }

    @Test
    void recordPatternsInASwitchExpressionYieldAwaitedValues() {
        assertThat(runJava21("Records", source("Records", """
                class Records {
                """ + SHAPES + """
                    @Async
                    static Coroutine<String> describe(Shape shape) {
                        String text = switch (shape) {
                            case Group(Circle(int r), Square second) -> {
                                int doubled = await(later(r * 2));
                                yield "circle " + doubled + " then square " + await(later(second.side()));
                            }
                            case Group(Shape first, var second) when first.equals(second) -> "twice " + first;
                            case Group(var first, var second) -> "group " + await(describe(first)) + "," + second;
                            case Circle(int r) -> "circle " + await(later(r));
                            case Square s -> "square " + s.side();
                        };
                        return done(text);
                    }

                    static Object run() {
                        return List.of(
                                EventLoop.run(RecordsAsync.describe(new Group(new Circle(3), new Square(4)))),
                                EventLoop.run(RecordsAsync.describe(new Group(new Square(1), new Square(1)))),
                                EventLoop.run(RecordsAsync.describe(new Group(new Circle(7), new Circle(8)))),
                                EventLoop.run(RecordsAsync.describe(new Square(9))));
                    }
                }
                """))).isEqualTo(List.of(
                "circle 6 then square 4",
                "twice Square[side=1]",
                "group circle 7,Circle[radius=8]",
                "square 9"));
    }

    @Test
    void colonCasesWithPatternsFallThroughIntoDefaultAndBreak() {
        assertThat(runJava21("Colons", source("Colons", """
                class Colons {
                    @Async
                    @SuppressWarnings("fallthrough")
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Object value : List.<Object>of(12, "text", 3.5)) {
                            switch (value) {
                                case Integer i when i > 10:
                                    log.add("big " + await(later(i)));
                                    break;
                                case String s:
                                    await(later(log, "string " + s, 0));
                                    log.add("length " + s.length());
                                default:
                                    log.add("default " + await(later(value)));
                            }
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ColonsAsync.main());
                    }
                }
                """))).isEqualTo(List.of("big 12", "string text", "length 4", "default text", "default 3.5"));
    }

    @Test
    void aNullSelectorWithoutCaseNullThrowsNullPointerExceptionAfterTheAwait() {
        assertThat(runJava21("NoNullCase", source("NoNullCase", """
                class NoNullCase {
                    @Async
                    static Coroutine<String> main() {
                        Object nothing = null;
                        try {
                            switch (await(later(nothing))) {
                                case String s -> await(later(s));
                                default -> await(later("other"));
                            }
                            return done("no exception");
                        } catch (NullPointerException e) {
                            return done("NullPointerException");
                        }
                    }

                    static Object run() {
                        return EventLoop.run(NoNullCaseAsync.main());
                    }
                }
                """))).isEqualTo("NullPointerException");
    }

    @Test
    void aRecordPatternWhoseAccessorFailsThrowsMatchExceptionWithTheCause() {
        assertThat(runJava21("Accessor", source("Accessor", """
                class Accessor {
                    record Boom(int value) {
                        @Override
                        public int value() {
                            throw new IllegalStateException("accessor failed");
                        }
                    }

                    @Async
                    static Coroutine<String> main() {
                        Object boom = new Boom(1);
                        try {
                            return done(switch (await(later(boom))) {
                                case Boom(int v) -> "value " + await(later(v));
                                default -> "other";
                            });
                        } catch (MatchException e) {
                            return done(e.getClass().getSimpleName() + " caused by " + e.getCause().getMessage());
                        }
                    }

                    static Object run() {
                        return EventLoop.run(AccessorAsync.main());
                    }
                }
                """))).isEqualTo("MatchException caused by accessor failed");
    }

    @Test
    void theFirstMatchingCaseWinsAndBindingsNamedLikeMachineFieldsStayApart() {
        assertThat(runJava21("Order", source("Order", """
                class Order {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Object value : List.<Object>of(50, 7, "s")) {
                            String kind = switch (value) {
                                case Integer label when label > 10 -> "big " + await(later(label));
                                case Integer label -> {
                                    String small = await(later("small "));
                                    yield small + label;
                                }
                                case CharSequence self -> "text " + await(later(self.length()));
                                default -> "other";
                            };
                            log.add(kind);
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(OrderAsync.main());
                    }
                }
                """))).isEqualTo(List.of("big 50", "small 7", "text 1"));
    }

    @Test
    void aGuardThatBindsWithInstanceofKeepsItsBindingForTheCase() {
        assertThat(runJava21("GuardBinding", source("GuardBinding", """
                class GuardBinding {
                    record Box(Object content) {}

                    @Async
                    static Coroutine<String> main() {
                        Object value = new Box("inside");
                        return done(switch (value) {
                            case Box b when b.content() instanceof String text -> {
                                await(later(0));
                                yield "box of " + text;
                            }
                            default -> "other";
                        });
                    }

                    static Object run() {
                        return EventLoop.run(GuardBindingAsync.main());
                    }
                }
                """))).isEqualTo("box of inside");
    }

    @Test
    void anExhaustiveSwitchWithCaseNullThatReturnsFromEveryCaseEndsTheBranch() {
        assertThat(runJava21("Exhaustive", source("Exhaustive", """
                class Exhaustive {
                    enum Light { RED, GREEN }

                    @Async
                    static Coroutine<String> main(Light light) {
                        if (await(later(true))) {
                            switch (light) {
                                case null -> {
                                    return done("none");
                                }
                                case RED -> {
                                    return done("stop");
                                }
                                case GREEN -> {
                                    return done("go");
                                }
                            }
                        }
                        return done("skipped");
                    }

                    static Object run() {
                        return List.of(EventLoop.run(ExhaustiveAsync.main(null)), EventLoop.run(ExhaustiveAsync.main(Light.RED)));
                    }
                }
                """))).isEqualTo(List.of("none", "stop"));
    }

    @Test
    void bindingsOfCopiedPatternSwitchesBeforeAnAwaitAreTheirCasesOwn() {
        assertThat(runJava21("Copied", source("Copied", """
                class Copied {
                    @Async
                    static Coroutine<String> main(Object first, Object second) {
                        String out = "";
                        switch (first) {
                            case String text -> out += "first " + text;
                            default -> out += "first other";
                        }
                        switch (second) {
                            case String text when !text.isEmpty() -> out += ", second " + text;
                            default -> out += ", second other";
                        }
                        await(later(0));
                        return done(out);
                    }

                    static Object run() {
                        return EventLoop.run(CopiedAsync.main("x", "y"));
                    }
                }
                """))).isEqualTo("first x, second y");
    }

    @Test
    void aFalseAwaitingGuardGoesOnWithTheNextLabelWithoutTestingTheEarlierOnesAgain() {
        assertThat(runJava21("Guarded", source("Guarded", """
                class Guarded {
                    static final List<String> LOG = new ArrayList<>();

                    record Box(int size) {
                        @Override
                        public int size() {
                            LOG.add("size " + size);
                            return size;
                        }
                    }

                    @Async
                    static Coroutine<String> main(Object value) {
                        switch (value) {
                            case Box(int size) when size > 100 -> {
                                return done("huge");
                            }
                            case Box b when await(later(LOG, "guard", b.size() > 5)) -> {
                                return done("big");
                            }
                            case String s when await(later(LOG, "text", s.isEmpty())) -> {
                                return done("empty");
                            }
                            case Box b -> {
                                return done("small " + b.size());
                            }
                            default -> {
                                return done("other");
                            }
                        }
                    }

                    static Object run() {
                        LOG.add(EventLoop.run(GuardedAsync.main(new Box(3))));
                        return LOG;
                    }
                }
                """))).isEqualTo(List.of("size 3", "size 3", "guard", "size 3", "small 3"));
    }

    @Test
    void aSelectorOfATypeWithoutANameIsReportedWhenAGuardAwaits() {
        JavaFileObject file = sourceLines("Unnamed",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "import java.util.concurrent.CompletableFuture;",
                "class Unnamed {",
                "    interface Sized {}",
                "    record Dot(int x) implements Sized {}",
                "    record Line(int from, int to) implements Sized {}",
                "    @Async",
                "    static Coroutine<String> main(boolean dot) {",
                "        return done(switch (dot ? new Dot(1) : new Line(0, 2)) {",
                "            case Dot d when await(CompletableFuture.completedFuture(d.x() > 0)) -> \"dot\";",
                "            default -> \"other\";",
                "        });",
                "    }",
                "}");
        Compilation compilation = compileJava21(file);
        CompilationSubject.assertThat(compilation).hadErrorContaining(Messages.NON_DENOTABLE_OPERAND)
                .inFile(file).onLine(12).atColumn(28);
        CompilationSubject.assertThat(compilation).hadErrorCount(1);
    }
}
