package dev.jasyncio.processor.conformance;

import java.util.List;

/**
 * Programs the differential fuzzer found failing, as it printed them after shrinking (its class
 * {@code P0} renamed for the case), each named after its seed: they must conform for good. Those
 * found with the Java 21 features ({@code INSTANCEOF_PATTERNS}, {@code PATTERN_SWITCH}) are in
 * {@link #java21()}.
 */
final class FuzzerFindings {

    private FuzzerFindings() {}

    static List<ConformanceCase> all() {
        return List.of(
                // an array read indexed by a switch expression that awaits: the array was cleared at the await
                new ConformanceCase("Seed20263410", """
                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int a = p.v("a", 1);
                            int b = 2;
                            String s = "s";
                            boolean f = false;
                            int[] arr = {1, 2, 3, 4};
                            await(h1(p, a));
                            return done(a + "," + b + "," + s + "," + f + "," + Arrays.toString(arr));
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h0(Probe p, int n) {
                            int c = p.v("h0", n);
                            return done(n * 31 + c);
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h1(Probe p, int n) {
                            int c = p.v("h1", n);
                            String s = "h";
                            int[] arr = {n, 0, 1, n};
                            int vh1t0 = switch (s) {
                                case "zz":

                                case "1":

                                default:
                                    yield arr[(switch (n & 3) { case 0 -> (c | 6); case 3 -> arr[(c) & 3]--; default -> await(p.a("h1t6", c)); }) & 3];
                            };
                            return done(n * 31 + c);
                        }
                        """),
                // an array element's compound assignment indexed by a switch expression that awaits, in a try-with-resources
                new ConformanceCase("Seed20264098", """
                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int a = p.v("a", 1);
                            int b = 2;
                            String s = "s";
                            boolean f = false;
                            int[] arr = {1, 2, 3, 4};
                            for (int xt0 : new int[] {b++, await(p.a("t1", await(h1(p, s.length()))))}) {
                            }
                            return done(a + "," + b + "," + s + "," + f + "," + Arrays.toString(arr));
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h0(Probe p, int n) {
                            int c = p.v("h0", n);
                            return done(n * 31 + c);
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h1(Probe p, int n) {
                            int c = p.v("h1", n);
                            String s = "h";
                            int[] arr = {n, 0, 1, n};
                            try (Resource rh1t0 = p.open("rh1t0" + arr[((n *= c++)) & 3]); Resource rh1t1 = p.open("rh1t1" + (p.b("h1t2", "x".equals(s)) ? (await(p.a("h1t3", c))) % 3 : p.v("h1t4", (n ^ c))))) {
                                p.log(rh1t0.name() + rh1t1.name());
                                String vh1t5 = (s + n--);
                                arr[(switch (n-- & 3) { case 0 -> await(p.a("h1t6", n)); case 1 -> s.length(); default -> await(p.a("h1t7", n)); }) & 3] -= n;
                            } catch (IllegalStateException eh1t8) {
                            } catch (RuntimeException eh1t9) {
                                p.log("caught " + eh1t9.getMessage());
                            }
                            return done(n * 31 + c);
                        }
                        """),
                // a return out of a try-with-resources without an await, through a lowered finally: a failing close skipped the outer close
                new ConformanceCase("Seed777358", """
                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int a = p.v("a", 1);
                            int b = 2;
                            String s = "s";
                            boolean f = false;
                            int[] arr = {1, 2, 3, 4};
                            try (Resource rt1 = p.openFailingOnClose("rt1" + a--, "close rt1 failed")) {
                                p.log(rt1.name());
                                try (Resource rt4 = p.openFailingOnClose("rt4" + 3, "close rt4 failed")) {
                                    p.log(rt4.name());
                                    if (!false) {
                                        return done(a + "," + b + "," + s + "," + f + "," + Arrays.toString(arr));
                                    }
                                } finally {
                                }
                            } finally {
                                p.log("t25 " + await(h0(p, 9)));
                            }
                            return done(a + "," + b + "," + s + "," + f + "," + Arrays.toString(arr));
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h0(Probe p, int n) {
                            int c = p.v("h0", n);
                            return done(n * 31 + c);
                        }
                        """));
    }

    /** The programs in Java 21 syntax (patterns), compiled with {@code --release 21}. */
    static List<ConformanceCase> java21() {
        return List.of(
                // a member type of the blueprint's class as a call's explicit type argument, p.<Shape>ao(...), copied as written
                new ConformanceCase("Seed1000", """
                        sealed interface Shape permits Dot, Line, Pair {}

                        record Dot(int x) implements Shape {}

                        record Line(int from, int to) implements Shape {}

                        record Pair(Shape left, Shape right) implements Shape {}

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int a = p.v("a", 1);
                            int b = 2;
                            String s = "s";
                            boolean f = false;
                            int[] arr = {1, 2, 3, 4};
                            return done(a + "," + b + "," + s + "," + f + "," + Arrays.toString(arr));
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h0(Probe p, int n) {
                            int c = p.v("h0", n);
                            int[] arr = {n, 0, 1, n};
                            if (await(p.<Shape>ao("h0t2", new Dot(arr[(n) & 3]))) instanceof Pair(Line(var bh0t4, int bh0t5), var bh0t6) && await(p.ab("h0t7", false))) {
                            }
                            return done(n * 31 + c);
                        }
                        """),
                // the last test of a lowered && chain bound bh0t7 in the state that tests it; the then-block, in another, named it
                new ConformanceCase("Seed1083", """
                        sealed interface Shape permits Dot, Line, Pair {}

                        record Dot(int x) implements Shape {}

                        record Line(int from, int to) implements Shape {}

                        record Pair(Shape left, Shape right) implements Shape {}

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int a = p.v("a", 1);
                            int b = 2;
                            String s = "s";
                            boolean f = false;
                            int[] arr = {1, 2, 3, 4};
                            return done(a + "," + b + "," + s + "," + f + "," + Arrays.toString(arr));
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h0(Probe p, int n) {
                            int c = p.v("h0", n);
                            if (p.<Shape>o("h0t0", new Line(await(h1(p, 4)), await(p.a("h0t1", n)))) instanceof Line(var bh0t2, var bh0t3) && await(p.<Shape>ao("h0t4", new Dot(await(h1(p, c))))) instanceof Pair(var bh0t6, var bh0t7)) {
                                p.log("h0t10 " + bh0t7);
                            }
                            return done(n * 31 + c);
                        }

                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<Integer> h1(Probe p, int n) {
                            int c = p.v("h1", n);
                            return done(n * 31 + c);
                        }
                        """));
    }
}
