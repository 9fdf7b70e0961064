package dev.jasyncio.processor.conformance;

import java.util.List;

/**
 * Conformance cases in Java 21 syntax: switches with type and record patterns, guards and
 * {@code case null}, awaiting in the selector, in case bodies and in yielded values, with bindings
 * used after awaits; also a null selector without {@code case null} and a record accessor that
 * fails while the switch matches.
 */
final class PatternSwitchCases {

    /** A sealed hierarchy, nested in every case that switches over it (here and in {@link AwaitingGuardCases}). */
    static final String SHAPES = """
            sealed interface Shape permits Dot, Line, Pair {}

            record Dot(int x) implements Shape {}

            record Line(int from, int to) implements Shape {}

            record Pair(Shape left, Shape right) implements Shape {}

            """;

    private PatternSwitchCases() {}

    static List<ConformanceCase> all() {
        return List.of(
                new ConformanceCase("TypePatternsGuardsAndNullInAStatement", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            List<Shape> shapes = Arrays.asList(new Dot(1), new Dot(9), new Line(2, 5), null,
                                    new Pair(new Dot(3), new Line(0, 1)));
                            for (Shape shape : shapes) {
                                switch (await(p.ao("select", shape))) {
                                    case Dot d when d.x() > p.v("limit", 4) -> sb.append("far dot ").append(await(p.a("d", d.x())));
                                    case Dot d -> {
                                        await(p.a("near", 0));
                                        sb.append("dot ").append(d.x());
                                    }
                                    case Line l -> sb.append("line ").append(await(p.a("len", l.to() - l.from()))).append(l);
                                    case null -> sb.append("null ").append(await(p.as("n", "shape")));
                                    case Pair pair -> {
                                        String left = pair.left().toString();
                                        sb.append("pair ").append(left).append(await(p.as("right", pair.right().toString())));
                                    }
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("RecordPatternsInAnExpressionYieldAwaitedValues", SHAPES + """
                        @Async
                        static Coroutine<Integer> size(Probe p, Shape shape) {
                            return done(switch (shape) {
                                case Dot(int x) -> await(p.a("dot", x));
                                case Line(int from, int to) when to > from -> {
                                    int length = await(p.a("length", to - from));
                                    yield length + await(p.a("ends", 2));
                                }
                                case Line(var from, var to) -> p.v("backwards", from - to);
                                case Pair(Dot(int x), var right) -> x + await(size(p, right));
                                case Pair(var left, var right) -> await(size(p, left)) * await(size(p, right));
                            });
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            int total = 0;
                            for (Shape shape : List.of(new Dot(5), new Line(1, 4), new Line(6, 2),
                                    new Pair(new Dot(10), new Line(0, 2)), new Pair(new Line(0, 3), new Dot(0)))) {
                                total = total * 7 + await(size(p, shape));
                            }
                            return done("total " + total);
                        }
                        """),
                new ConformanceCase("ColonPatternCasesFallIntoDefault", """
                        @Async
                        @SuppressWarnings("fallthrough")
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Object value : List.<Object>of(12, 3, "text", 2.5)) {
                                switch (value) {
                                    case Integer i when i > 10:
                                        sb.append("big ").append(await(p.a("big", i)));
                                        break;
                                    case String s:
                                        sb.append(await(p.as("s", s)));
                                    default:
                                        sb.append(" default ").append(await(p.ao("v", value)));
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("NullSelectorWithoutCaseNullThrows", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            Object value = await(p.ao("value", (Object) null));
                            return done(switch (value) {
                                case String s -> await(p.as("s", s));
                                default -> "other";
                            });
                        }
                        """),
                new ConformanceCase("FailingAccessorInARecordPattern", """
                        record Broken(int value) {
                            @Override
                            public int value() {
                                throw new IllegalStateException("accessor");
                            }
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            Object value = await(p.ao("value", (Object) new Broken(1)));
                            try {
                                switch (value) {
                                    case Broken(int v) -> p.log("v " + await(p.a("v", v)));
                                    default -> p.log("other");
                                }
                            } catch (MatchException e) {
                                p.log("match " + e.getCause().getMessage() + await(p.a("caught", 0)));
                            }
                            return done("end");
                        }
                        """));
    }
}
