package dev.jasyncio.processor.conformance;

import java.util.List;

/**
 * Conformance cases for what the processor lowers today: every expression form, {@code if}, every
 * loop with labeled jumps, handing over to another coroutine, exceptions that propagate, and the
 * enclosing contexts a blueprint may live in.
 */
final class SupportedCases {

    private SupportedCases() {}

    static List<ConformanceCase> all() {
        return List.of(
                new ConformanceCase("ConditionalExpressions", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int x = p.v("x", 2) > 1 ? await(p.a("then", 10)) : await(p.a("else", 20));
                            String s = await(p.ab("c", false)) ? "t" + await(p.a("t", 1)) : "f" + await(p.a("f", 2));
                            int y = p.b("outer", true) ? (await(p.ab("inner", false)) ? 1 : await(p.a("nested", 3))) : 0;
                            p.log(await(p.ab("stmt", true)) ? "yes" + await(p.a("yes", 4)) : "no");
                            return done(x + s + y);
                        }
                        """),
                new ConformanceCase("ShortCircuitOperators", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            boolean a = p.b("l1", false) && await(p.ab("r1", true));
                            boolean b = p.b("l2", true) && await(p.ab("r2", false));
                            boolean c = await(p.ab("l3", true)) || await(p.ab("r3", false));
                            boolean d = p.b("l4", false) || await(p.ab("r4", true)) && await(p.ab("r5", false));
                            boolean e = !await(p.ab("l5", false)) & await(p.ab("r6", true)) | p.b("r7", false);
                            return done(a + " " + b + " " + c + " " + d + " " + e);
                        }
                        """),
                new ConformanceCase("CompoundAssignmentsEvaluateTheLeftOperandFirst", """
                        static int total;
                        int count;

                        @Async
                        Coroutine<Integer> bump(Probe p) {
                            count += await(p.a("bump", 3));
                            count++;
                            ++count;
                            count -= count-- - await(p.a("sub", 1));
                            return done(count);
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            total = p.v("init", 5);
                            int[] arr = {1, 2, 3};
                            total += await(p.a("add", 7));
                            arr[p.v("i", 1)] += await(p.a("rhs", 10));
                            arr[p.v("j", 2)] *= total - await(p.a("minus", 2));
                            String[] s = {"a"};
                            s[p.v("k", 0)] += await(p.as("str", "b"));
                            total -= total++ + await(p.a("post", 1));
                            total <<= await(p.a("shift", 2));
                            CompoundAssignmentsEvaluateTheLeftOperandFirst c = new CompoundAssignmentsEvaluateTheLeftOperandFirst();
                            int bumped = await(c.bump(p));
                            return done(total + " " + Arrays.toString(arr) + " " + s[0] + " " + bumped + " " + c.count);
                        }
                        """),
                new ConformanceCase("IncrementsOnArrayElementsWithAwaitedIndices", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int[] arr = {10, 20, 30};
                            arr[await(p.a("idx", 1))]++;
                            --arr[await(p.a("i2", 0))];
                            int old = arr[p.v("i3", 2)]--;
                            int fresh = ++arr[await(p.a("i4", 2))];
                            long[] wide = {1L};
                            wide[await(p.a("i5", 0))] += await(p.a("w", 41));
                            return done(Arrays.toString(arr) + " " + old + " " + fresh + " " + wide[0]);
                        }
                        """),
                new ConformanceCase("ArrayCreationAndInitializers", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int[] a = new int[await(p.a("len", 3))];
                            int[] b = {await(p.a("b0", 1)), p.v("b1", 2), await(p.a("b2", 3))};
                            int[][] m = new int[await(p.a("rows", 2))][await(p.a("cols", 2))];
                            String[] s = new String[] {await(p.as("s0", "x")), p.s("s1", "y")};
                            int[][] jagged = {{await(p.a("j00", 1))}, {p.v("j10", 2), await(p.a("j11", 3))}};
                            return done(a.length + Arrays.toString(b) + m.length + m[1].length + Arrays.toString(s)
                                    + Arrays.deepToString(jagged));
                        }
                        """),
                new ConformanceCase("ArrayStoresEvaluateArrayAndIndexFirst", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int[] arr = {0, 0, 0};
                            int[] other = {0, 0, 0};
                            arr[p.v("idx", 1)] = await(p.a("val", 9));
                            other[await(p.a("i", 0))] = await(p.a("v", 4));
                            (p.b("pick", true) ? arr : other)[p.v("at", 2)] = await(p.a("picked", 7));
                            int i = 0;
                            arr[i] = i = await(p.a("chained", 2));
                            return done(Arrays.toString(arr) + Arrays.toString(other) + i);
                        }
                        """),
                new ConformanceCase("ArrayStoreOutOfBoundsFailsAfterTheRightOperand", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int[] arr = {1, 2, 3};
                            arr[p.v("bad", 5)] = await(p.a("rhs", 1));
                            return done("unreachable");
                        }
                        """),
                new ConformanceCase("CastsAndInstanceof", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            long l = (long) await(p.a("i", 3)) << 33;
                            Object o = await(p.ao("o", "text"));
                            boolean isString = o instanceof String;
                            String s = (String) await(p.ao("o2", (Object) "cast"));
                            boolean isInteger = await(p.ao("o3", (Object) 5)) instanceof Integer;
                            int narrowed = (byte) (int) await(p.a("wide", 300));
                            return done(l + " " + isString + " " + s + " " + isInteger + " " + narrowed);
                        }
                        """),
                new ConformanceCase("ThrowOfAnAwaitedException", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int x = await(p.a("before", 1));
                            if (x > 0) {
                                throw await(p.ao("ex", new IllegalArgumentException("boom " + x)));
                            }
                            return done("unreachable");
                        }
                        """),
                new ConformanceCase("ObjectCreationAndCallsOnAwaitedReceivers", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder(await(p.as("init", "a")));
                            sb.append(await(p.a("n", 1))).append(p.v("m", 2)).append(await(p.as("s", "z")));
                            String r = await(p.as("recv", "hello")).toUpperCase().substring(await(p.a("from", 1)));
                            List<Integer> list = new ArrayList<>(List.of(await(p.a("e1", 1)), p.v("e2", 2)));
                            int max = Math.max(p.v("x", 1), await(p.a("y", 2)));
                            return done(sb + " " + r + " " + list + " " + max);
                        }
                        """),
                new ConformanceCase("ConcatenationAndNestedAwaits", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            String s = "" + p.v("a", 1) + await(p.a("b", 2)) + p.v("c", 3) + await(p.as("d", "!"));
                            int n = await(p.a("outer", await(p.a("inner", 4)) * 2));
                            int sum = p.v("l", 1) + await(p.a("m", 2)) * p.v("r", 3) - await(p.a("z", 4)) / 2;
                            return done(s + " " + n + " " + sum);
                        }
                        """),
                new ConformanceCase("LocalInitializers", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int a = await(p.a("a", 1)), b = a + await(p.a("b", 2));
                            var v = await(p.as("v", "var"));
                            final int c = b * await(p.a("c", 3));
                            String late;
                            late = v + await(p.a("late", c));
                            return done(a + " " + b + " " + c + " " + late);
                        }
                        """),
                new ConformanceCase("IfElseChains", """
                        @Async
                        static Coroutine<String> classify(Probe p, int n) {
                            if (await(p.a("test" + n, n)) > 0) {
                                return done("positive " + await(p.a("then" + n, n)));
                            } else if (p.v("zero" + n, n) == 0) {
                                p.log("zero");
                            } else {
                                p.log("else " + await(p.a("neg" + n, -n)));
                            }
                            return done("not positive " + n);
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            return done(await(classify(p, 5)) + await(classify(p, 0)) + await(classify(p, -2)));
                        }
                        """),
                new ConformanceCase("LoopConditionsAwait", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int i = 0;
                            while (await(p.ab("w" + i, i < 3))) {
                                i++;
                            }
                            int j = 0;
                            do {
                                j += await(p.a("d" + j, 2));
                            } while (await(p.a("dc" + j, j)) < 5);
                            String s = "";
                            for (int k = await(p.a("init", 1)); k < await(p.a("cond" + k, 4)); k += await(p.a("step" + k, 1))) {
                                s += k;
                            }
                            for (int x : await(p.ao("array", new int[] {7, 8}))) {
                                s += await(p.a("x", x));
                            }
                            for (String t : await(p.ao("list", List.of("p", "q")))) {
                                s += t + p.s("t", t);
                            }
                            return done(i + " " + j + " " + s);
                        }
                        """),
                new ConformanceCase("LabeledBreakAndContinueAroundAwaits", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            outer:
                            for (int i = 0; i < 4; i++) {
                                inner:
                                for (int j = 0; j < 4; j++) {
                                    int v = await(p.a("v" + i + j, i * j));
                                    if (v == 2) {
                                        continue outer;
                                    }
                                    if (j > i) {
                                        break inner;
                                    }
                                    if (v == 9) {
                                        break outer;
                                    }
                                    while (await(p.ab("w" + i + j, j == 1))) {
                                        sb.append('w');
                                        continue inner;
                                    }
                                    sb.append(i).append(j);
                                }
                                sb.append('|');
                            }
                            block:
                            {
                                if (await(p.ab("leave", true))) {
                                    break block;
                                }
                                sb.append("not reached");
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("HandOverAndPropagatedFailures", """
                        @Async
                        static Coroutine<Integer> depth(Probe p, int n) {
                            if (n == 0) {
                                return done(await(p.a("bottom", 0)));
                            }
                            return done(1 + await(depth(p, n - 1)));
                        }

                        @Async
                        static Coroutine<Integer> handOver(Probe p, int n) {
                            p.log("handing over " + n);
                            return depth(p, n);
                        }

                        @Async
                        static Coroutine<Integer> failing(Probe p) {
                            int x = await(p.a("before failing", 1));
                            return done(x + await(p.fail("fails", "awaited failure")));
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            int deep = await(handOver(p, 500));
                            p.log("deep " + deep);
                            int never = await(failing(p));
                            return done("unreachable " + never);
                        }
                        """),
                new ConformanceCase("CheckedExceptionsPropagateAsIs", """
                        @Async
                        static Coroutine<Integer> read(Probe p) {
                            return done(await(p.a("read", 1)) + await(p.failIo("io", "disk gone")));
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            return done("read " + await(read(p)));
                        }
                        """),
                new ConformanceCase("GenericsWithBounds", """
                        @Async
                        static <T extends Comparable<T>> Coroutine<T> max(Probe p, T a, T b) {
                            await(p.a("compare", 0));
                            return done(a.compareTo(b) >= 0 ? a : b);
                        }

                        static final class Box<N extends Number> {
                            final List<N> values = new ArrayList<>();

                            @Async
                            Coroutine<Double> sum(Probe p) {
                                double total = 0;
                                for (N n : values) {
                                    total += await(p.ao("n", n)).doubleValue();
                                }
                                return done(total);
                            }
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            Box<Integer> box = new Box<>();
                            box.values.add(await(max(p, 3, 7)));
                            box.values.add(await(p.a("second", 5)));
                            return done(await(max(p, "pear", "apple")) + " " + await(box.sum(p)));
                        }
                        """),
                new ConformanceCase("BlueprintsInInterfacesEnumsAndRecords", """
                        interface Greeter {
                            String name();

                            @Async
                            default Coroutine<String> greet(Probe p) {
                                return done(await(p.as("hello", "hello ")) + name());
                            }

                            @Async
                            static Coroutine<String> twice(Probe p, Greeter g) {
                                return done(await(g.greet(p)) + "/" + await(g.greet(p)));
                            }
                        }

                        enum Planet implements Greeter {
                            MARS;

                            @Async
                            Coroutine<Integer> order(Probe p) {
                                return done(await(p.a("ordinal", ordinal())) + 4);
                            }
                        }

                        record Point(int x, int y) implements Greeter {
                            public String name() {
                                return "point " + x;
                            }

                            @Async
                            Coroutine<Integer> sum(Probe p) {
                                return done(x() + await(p.a("y", y())));
                            }
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            Point point = new Point(1, 2);
                            return done(await(Greeter.twice(p, Planet.MARS)) + " " + await(Planet.MARS.order(p)) + " "
                                    + await(point.greet(p)) + " " + await(point.sum(p)));
                        }
                        """),
                new ConformanceCase("InnerClassesUseTheirEnclosingInstances", """
                        int total;
                        final List<String> seen = new ArrayList<>();

                        int twice(int n) {
                            return 2 * n;
                        }

                        class Account {
                            int balance;

                            class Entry {
                                @Async
                                Coroutine<String> post(Probe p, int amount) {
                                    total += await(p.a("amount", amount));
                                    balance = twice(await(p.a("balance", balance + amount)));
                                    InnerClassesUseTheirEnclosingInstances.this.total++;
                                    seen.add(Account.this.balance + "/" + total);
                                    return done(balance + " " + await(p.a("total", total)) + " " + seen);
                                }
                            }
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            InnerClassesUseTheirEnclosingInstances ledger = new InnerClassesUseTheirEnclosingInstances();
                            InnerClassesUseTheirEnclosingInstances.Account account = ledger.new Account();
                            InnerClassesUseTheirEnclosingInstances.Account.Entry entry = account.new Entry();
                            String first = await(entry.post(p, 3));
                            return done(first + " " + await(account.new Entry().post(p, 4)) + " " + ledger.total);
                        }
                        """),
                new ConformanceCase("AssertsEvaluateTheirDetailOnlyWhenTheConditionFails", """
                        @Async
                        static Coroutine<String> check(Probe p, int n) {
                            assert await(p.a("cond" + n, n)) < 3 : "too big: " + await(p.a("detail" + n, n * 10));
                            if (p.b("guard" + n, n > 1)) assert n != 2 : n; else p.log("else" + n);
                            assert p.v("plain" + n, n) > 0;
                            return done("passed " + n);
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            List<String> outcomes = new ArrayList<>();
                            for (int n = 1; n <= 3; n++) {
                                try {
                                    outcomes.add(await(check(p, n)));
                                } catch (AssertionError e) {
                                    outcomes.add("failed " + e.getMessage());
                                }
                            }
                            return done(String.join(", ", outcomes));
                        }
                        """),
                new ConformanceCase("MethodReferencesOnAwaitedReceivers", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            java.util.function.Supplier<String> upper = await(p.as("recv", "abc"))::toUpperCase;
                            java.util.function.IntSupplier length = (p.v("mid", 1) > 0 ? await(p.as("other", "xy")) : "")::length;
                            java.util.function.Function<String, Boolean> starts = await(p.as("prefix", "ab"))::startsWith;
                            String missing = p.v("null", 0) > 0 ? "" : null;
                            String npe;
                            try {
                                java.util.function.Supplier<String> broken = (missing != null ? missing : await(p.ao("nul", missing)))::trim;
                                npe = "no npe " + broken;
                            } catch (NullPointerException e) {
                                npe = "npe at creation";
                            }
                            return done(upper.get() + " " + length.getAsInt() + " " + starts.apply("abc") + " " + npe);
                        }
                        """),
                new ConformanceCase("AnonymousClassesWithAwaitedArguments", """
                        static class Counter {
                            final int start;
                            final String name;

                            Counter(int start, String name) {
                                this.start = start;
                                this.name = name;
                            }

                            String show() {
                                return name + start;
                            }
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            int scale = await(p.a("scale", 3));
                            List<Counter> made = new ArrayList<>();
                            for (int i = 0; i < 2; i++) {
                                int round = i;
                                made.add(new Counter(p.v("start" + i, i) + await(p.a("plus" + i, 10)), await(p.as("name" + i, "c"))) {
                                    @Override
                                    String show() {
                                        return super.show() + "x" + scale + "r" + round + "/" + this.start;
                                    }
                                });
                            }
                            Counter plain = new Counter(await(p.a("plain", 7)), "p") {};
                            StringBuilder out = new StringBuilder();
                            for (Counter c : made) {
                                out.append(c.show()).append(' ');
                            }
                            return done(out + plain.show());
                        }
                        """),
                new ConformanceCase("LocalRecordsEnumsAndInterfacesLiveAcrossAwaits", """
                        static int bonus = 5;

                        @Async
                        static Coroutine<String> main(Probe p) {
                            enum Level { LOW, HIGH; Level flip() { return this == LOW ? HIGH : LOW; } }
                            interface Scorer { int score(String s); }
                            record Pair(String name, int score) {
                                static Pair of(String n) { return new Pair(n, n.length() + bonus); }
                            }
                            record Box<T>(T value, Pair pair) {}
                            record Counted(int n) {}
                            Counted counted = new Counted(p.v("counted", 3));
                            List<Pair> pairs = new ArrayList<>();
                            Scorer scorer = s -> s.length() * 2;
                            for (String n : List.of("a", "bb")) {
                                pairs.add(new Pair(n, await(p.a("score" + n, scorer.score(n)))));
                                pairs.add(Pair.of(n));
                            }
                            Box<Level> box = new Box<>(Level.LOW, pairs.get(0));
                            Level level = await(p.ao("flip", box.value().flip()));
                            pairs.sort(java.util.Comparator.comparingInt(Pair::score).reversed());
                            Pair[] array = pairs.toArray(new Pair[0]);
                            return done(pairs + " " + box + " " + level + " " + Level.valueOf("HIGH").ordinal() + " "
                                    + counted.n() + " " + array.length);
                        }
                        """),
                new ConformanceCase("LocalTypesNameTheirOwnMembersWithinOneState", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int n = await(p.a("n", 1));
                            enum Level { LOW, HIGH; Level flip() { return this == LOW ? HIGH : LOW; } }
                            class Counter { static int made; Counter() { made++; } int made() { return made; } }
                            return done(Level.LOW.flip() + " " + new Counter().made() + " " + n);
                        }
                        """),
                new ConformanceCase("ParenthesizedAssignmentTargets", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int[] arr = {1, 2, 3};
                            int x = p.v("x", 4);
                            (arr[p.v("i", 1)]) += await(p.a("add", 5));
                            (x) = await(p.a("set", 6)) + x;
                            ((arr[await(p.a("j", 0))]))++;
                            --(arr[await(p.a("k", 2))]);
                            (x) *= await(p.a("mul", 2));
                            return done(Arrays.toString(arr) + " " + x);
                        }
                        """));
    }
}
