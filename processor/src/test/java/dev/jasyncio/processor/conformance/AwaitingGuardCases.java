package dev.jasyncio.processor.conformance;

import static dev.jasyncio.processor.conformance.PatternSwitchCases.SHAPES;

import java.util.List;

/**
 * Conformance cases in Java 21 syntax with {@code await} in the guard of a case: true and false
 * guards, several guarded cases of one type in a row, the order of the side effects of guards,
 * selectors and bodies, guards that fail, switch expressions with {@code yield}, the colon form
 * with fall-through, nested switches, bindings used after the guard's await, and {@code case null}
 * and {@code default} around guarded cases.
 */
final class AwaitingGuardCases {

    private AwaitingGuardCases() {}

    static List<ConformanceCase> all() {
        return List.of(
                new ConformanceCase("GuardsAwaitTrueAndFalse", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Shape shape : List.of(new Dot(1), new Dot(9), new Line(2, 5), new Line(4, 5),
                                    new Pair(new Dot(3), new Dot(4)))) {
                                switch (shape) {
                                    case Dot d when await(p.ab("big " + d.x(), d.x() > 4)) -> sb.append("big dot ").append(d.x());
                                    case Dot d -> sb.append("dot ").append(await(p.a("small", d.x())));
                                    case Line l when await(p.ab("long", l.to() - l.from() > 2)) -> sb.append("long ").append(l);
                                    case Line l -> sb.append("line ").append(l.from());
                                    case Pair pair -> sb.append("pair");
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("SeveralGuardsOfOneTypeInARowFalseFirst", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Object value : List.<Object>of(1, 2, 3, 4, "", "text", new Dot(7), 2.5)) {
                                String result = switch (value) {
                                    case Integer i when await(p.ab("is1 " + i, i == 1)) -> "one";
                                    case Integer i when p.b("is2 " + i, i == 2) -> "two";
                                    case Integer i when await(p.ab("is3 " + i, i == 3)) -> "three";
                                    case Integer i when await(p.ab("is3 again " + i, i == 3)) -> "never";
                                    case Integer i -> "int " + await(p.a("other", i));
                                    case String s when await(p.ab("empty", s.isEmpty())) -> "empty";
                                    case Dot(int x) when await(p.ab("dot " + x, x > 9)) -> "far";
                                    case Dot(int x) when x > 5 -> "middle " + await(p.a("x", x));
                                    default -> "other " + value;
                                };
                                sb.append(result).append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("GuardSideEffectsKeepTheirOrder", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Shape shape : List.of(new Dot(1), new Dot(3), new Dot(6), new Line(0, 3), new Line(5, 1),
                                    new Pair(new Dot(1), new Line(1, 2)))) {
                                switch (await(p.ao("select", shape))) {
                                    case Dot d when p.b("before " + d.x(), d.x() > 0) && await(p.ab("await", d.x() > 2))
                                            && p.b("after", d.x() > 5) -> sb.append("far ").append(p.v("body", d.x()));
                                    case Dot d when p.b("plain " + d.x(), d.x() > 2) -> sb.append("middle");
                                    case Line(int from, int to) when p.v("left", from) + await(p.a("right", to)) > 4 ->
                                        sb.append("long line");
                                    case Line(int from, int to) when await(p.ab("backwards", from > to)) ? p.b("then", true)
                                            : p.b("else", false) -> sb.append("backwards");
                                    case Pair(var left, var right) when await(p.ab("pair", left instanceof Dot)) -> {
                                        sb.append("pair ").append(await(p.ao("left", left)));
                                    }
                                    default -> sb.append(p.s("default", "other"));
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("GuardsThatFail", SHAPES + """
                        @Async
                        static Coroutine<Boolean> check(Probe p, int x) {
                            if (x > 5) {
                                throw new IllegalStateException("too far " + x);
                            }
                            return done(await(p.ab("check " + x, x > 1)));
                        }

                        @Async
                        static Coroutine<String> classify(Probe p, Shape shape) {
                            return done(switch (shape) {
                                case Dot d when await(check(p, d.x())) -> "checked " + d.x();
                                case Dot d when await(p.fail("fails", "guard of " + d.x())) > 0 -> "never";
                                default -> "other";
                            });
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Shape shape : List.of(new Dot(2), new Line(1, 2), new Dot(7), new Dot(1))) {
                                try {
                                    sb.append(await(classify(p, shape)));
                                } catch (IllegalStateException e) {
                                    sb.append("caught ").append(e.getMessage());
                                }
                                sb.append(';');
                            }
                            p.log(sb.toString());
                            return classify(p, new Dot(8));
                        }
                        """),
                new ConformanceCase("GuardsInSwitchExpressionsYield", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Shape shape : List.of(new Dot(2), new Dot(8), new Line(1, 4), new Pair(new Dot(1), new Dot(2)))) {
                                int size = switch (shape) {
                                    case Dot d when await(p.ab("big", d.x() > 5)): {
                                        int doubled = await(p.a("double", d.x() * 2));
                                        yield doubled + 1;
                                    }
                                    case Dot d:
                                        yield d.x();
                                    case Line l when l.to() > await(p.a("limit", 3)):
                                        yield await(p.a("length", l.to() - l.from()));
                                    default:
                                        yield -1;
                                };
                                String word = switch (shape) {
                                    case Dot d when await(p.ab("odd", d.x() % 2 == 1)) -> {
                                        yield "odd";
                                    }
                                    case Dot d -> "even " + await(p.a("even", d.x()));
                                    case Pair(Dot a, Dot b) when await(p.ab("ordered", a.x() < b.x())) -> {
                                        String both = a.x() + "<" + b.x();
                                        yield both + await(p.as("tail", "!"));
                                    }
                                    default -> "shape";
                                };
                                sb.append(size).append(' ').append(word).append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("ColonGuardsFallThrough", """
                        @Async
                        @SuppressWarnings("fallthrough")
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Object value : Arrays.asList(12, 3, null, "ab", "abcd", 2.5)) {
                                switch (value) {
                                    case Integer i when await(p.ab("big " + i, i > 10)):
                                        sb.append("big ").append(i);
                                    case null:
                                        sb.append(" null or big");
                                        break;
                                    case Integer i:
                                        sb.append("int ").append(await(p.a("int", i)));
                                        break;
                                    case String s when await(p.ab("long " + s, s.length() > 2)):
                                        sb.append("long ").append(s);
                                    default:
                                        sb.append(" default ").append(await(p.ao("v", value)));
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("GuardsAwaitInNestedSwitches", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Shape shape : List.of(new Pair(new Dot(1), new Dot(5)), new Pair(new Line(1, 2), new Dot(0)),
                                    new Dot(4), new Dot(6), new Line(0, 9))) {
                                switch (shape) {
                                    case Pair(var left, var right) when await(p.ab("pair", left instanceof Dot)) -> {
                                        switch (right) {
                                            case Dot d when await(p.ab("inner " + d.x(), d.x() > 2)) -> sb.append("inner far");
                                            case Dot d -> sb.append("inner near ").append(left);
                                            default -> sb.append("inner other");
                                        }
                                    }
                                    case Dot d when switch (d.x()) {
                                        case 4 -> await(p.ab("four", true));
                                        default -> {
                                            boolean odd = await(p.ab("odd", d.x() % 2 == 1));
                                            yield odd || p.b("six", d.x() == 6);
                                        }
                                    } -> sb.append("switched ").append(d.x());
                                    case Line l when l.to() > switch (await(p.ao("nested", (Object) l.from()))) {
                                        case Integer from when await(p.ab("from", from > 0)) -> 100;
                                        default -> 5;
                                    } -> sb.append("line past five");
                                    default -> sb.append("other");
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("BindingsOfGuardsLiveAcrossTheirAwaits", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Shape shape : List.of(new Line(1, 5), new Line(3, 4), new Pair(new Dot(2), new Dot(3)),
                                    new Pair(new Line(0, 1), new Dot(1)), new Dot(3))) {
                                switch (shape) {
                                    case Line l when await(p.a("w", 1)) + l.from() > 1 && l.to() > await(p.a("t", 4)) -> {
                                        sb.append("line ").append(l.from());
                                        sb.append(await(p.a("body", l.to())));
                                    }
                                    case Pair pair when await(p.ao("left", pair.left())) instanceof Dot d && d.x() > 1 -> {
                                        sb.append("dot pair ").append(await(p.a("dx", d.x()))).append(pair.right());
                                    }
                                    case Shape s when await(p.ab("any", s instanceof Dot)) -> sb.append("any ").append(s);
                                    default -> sb.append("other ").append(shape);
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("CaseNullAndDefaultAroundAwaitingGuards", SHAPES + """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (Shape shape : Arrays.asList(new Dot(1), null, new Dot(7), new Line(2, 3))) {
                                switch (shape) {
                                    case Dot d when await(p.ab("dot", d.x() > 5)) -> sb.append("far");
                                    case Shape s when await(p.ab("shape", s instanceof Line)) -> sb.append("line");
                                    case null, default -> sb.append("null or default ").append(await(p.ao("v", shape)));
                                }
                                sb.append(';');
                                String text = shape == null ? null : shape.toString().substring(0, 3);
                                sb.append(switch (text) {
                                    case "Dot" -> "D";
                                    case String s when await(p.ab("L", s.startsWith("L"))) -> "L";
                                    case null -> "N" + await(p.a("null", 0));
                                    default -> "?";
                                });
                                sb.append(switch (shape == null ? Color.RED : Color.values()[shape.hashCode() & 1]) {
                                    case Color c when await(p.ab("green", c == Color.GREEN)) -> "g";
                                    case RED -> "r";
                                    default -> "b";
                                });
                                sb.append(switch (shape) {
                                    case Dot d -> "dot";
                                    case Line l -> "line";
                                    case Pair pair -> "pair";
                                    case Shape s when await(p.ab("unreached", true)) -> "never";
                                    case null -> "null";
                                });
                                sb.append(';');
                            }
                            Object nothing = await(p.ao("nothing", (Object) null));
                            return done(switch (nothing) {
                                case String s when await(p.ab("s", s.isEmpty())) -> "empty";
                                default -> "other";
                            });
                        }
                        """));
    }
}
