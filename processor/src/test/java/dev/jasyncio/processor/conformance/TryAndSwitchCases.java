package dev.jasyncio.processor.conformance;

import java.util.List;

/**
 * Conformance cases for await inside {@code try}/{@code catch}/{@code finally},
 * try-with-resources and every {@code switch} form, and for pattern bindings kept across an
 * await.
 */
final class TryAndSwitchCases {

    private TryAndSwitchCases() {}

    static List<ConformanceCase> all() {
        return List.of(
                new ConformanceCase("AwaitInTryCatchAndFinally", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            int r = 0;
                            try {
                                p.log("try");
                                int x = await(p.a("t", 1));
                                await(p.fail("f", "bad " + x));
                                p.log("unreached");
                            } catch (IllegalStateException e) {
                                p.log("caught " + e.getMessage());
                                r = await(p.a("c", 2));
                            } finally {
                                p.log("finally");
                                r += await(p.a("fin", 3));
                            }
                            return done("r=" + r);
                        }
                        """),
                new ConformanceCase("MultiCatchAndUncaughtTypes", """
                        @Async
                        static Coroutine<Integer> thrower(Probe p, int kind) {
                            await(p.a("kind", kind));
                            if (kind == 0) {
                                throw new IllegalArgumentException("argument");
                            }
                            if (kind == 1) {
                                throw new UnsupportedOperationException("unsupported");
                            }
                            return done(await(p.fail("fail", "state")));
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (int kind = 0; kind < 3; kind++) {
                                try {
                                    try {
                                        sb.append(await(thrower(p, kind)));
                                    } catch (IllegalArgumentException | IllegalStateException e) {
                                        sb.append("multi:").append(e.getMessage()).append(await(p.a("in catch", kind)));
                                    }
                                } catch (RuntimeException e) {
                                    sb.append("outer:").append(e.getMessage());
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("ReturnThroughFinallyBlocksThatAwait", """
                        @Async
                        static Coroutine<String> inner(Probe p) {
                            int x = 1;
                            try {
                                try {
                                    x = await(p.a("x", 10));
                                    return done("returned " + x);
                                } finally {
                                    x = 2;
                                    p.log("inner finally " + await(p.a("if", x)));
                                }
                            } finally {
                                p.log("outer finally " + x + await(p.a("of", 3)));
                            }
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            String first = await(inner(p));
                            p.log("after " + first);
                            return done(first);
                        }
                        """),
                new ConformanceCase("BreakAndContinueThroughFinally", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            outer:
                            for (int i = 0; i < 3; i++) {
                                for (int j = 0; j < 3; j++) {
                                    try {
                                        if (j == 1) {
                                            continue outer;
                                        }
                                        if (i == 2) {
                                            break outer;
                                        }
                                        sb.append(await(p.a("body" + i + j, j)));
                                    } finally {
                                        sb.append('f').append(await(p.a("f" + i + j, i)));
                                    }
                                }
                            }
                            int k = 0;
                            while (true) {
                                try {
                                    if (await(p.a("k", k++)) == 2) {
                                        break;
                                    }
                                } finally {
                                    sb.append("k");
                                }
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("ThrowThroughFinallyBlocks", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            try {
                                try {
                                    try {
                                        await(p.a("deep", 1));
                                        throw new IllegalArgumentException("thrown deep");
                                    } finally {
                                        p.log("first finally " + await(p.a("f1", 1)));
                                    }
                                } finally {
                                    p.log("second finally " + await(p.a("f2", 2)));
                                }
                            } catch (IllegalArgumentException e) {
                                return done("caught " + e.getMessage() + await(p.a("c", 3)));
                            }
                        }
                        """),
                new ConformanceCase("FinallyReplacesThePendingCompletion", """
                        @Async
                        static Coroutine<String> throwsOverReturn(Probe p) {
                            try {
                                return done("lost " + await(p.a("r", 1)));
                            } finally {
                                if (await(p.ab("replace", true))) {
                                    throw new IllegalStateException("finally wins");
                                }
                            }
                        }

                        @SuppressWarnings("finally")
                        @Async
                        static Coroutine<String> returnsOverThrow(Probe p) {
                            try {
                                await(p.fail("f", "lost failure"));
                                return done("not here");
                            } finally {
                                return done("finally returned " + await(p.a("fr", 2)));
                            }
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            String s = await(returnsOverThrow(p));
                            try {
                                s += await(throwsOverReturn(p));
                            } catch (IllegalStateException e) {
                                s += " / " + e.getMessage();
                            }
                            return done(s);
                        }
                        """),
                new ConformanceCase("AwaitInCatchThenRethrow", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            try {
                                try {
                                    await(p.fail("f", "first"));
                                } catch (IllegalStateException e) {
                                    p.log("handling " + await(p.as("h", e.getMessage())));
                                    throw e;
                                }
                            } catch (RuntimeException e) {
                                return done("outer " + e.getMessage() + await(p.a("o", 1)));
                            }
                            return done("unreachable");
                        }
                        """),
                new ConformanceCase("CheckedExceptionsCaughtByType", """
                        @Async
                        static Coroutine<Integer> read(Probe p) throws IOException {
                            int x = await(p.a("read", 1));
                            if (x > 0) {
                                throw new IOException("disk gone");
                            }
                            return done(x);
                        }

                        @Async
                        static Coroutine<String> main(Probe p) {
                            try {
                                return done("read " + await(read(p)));
                            } catch (IOException e) {
                                return done("caught " + e.getMessage() + await(p.a("c", 2)));
                            }
                        }
                        """),
                new ConformanceCase("TryWithResourcesClosesWhenTheBodyThrowsAfterAnAwait", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            try (Resource r = p.open("r")) {
                                if (await(p.a("body", 1)) > 0) {
                                    throw new IllegalStateException("thrown in body " + r.name());
                                }
                            }
                            return done("unreachable");
                        }
                        """),
                new ConformanceCase("TryWithResourcesClosesAfterAnAwaitInTheBody", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            try (Resource r = p.open("r"); Resource q = p.open("q")) {
                                p.log(r.name() + q.name());
                                p.log("awaited " + await(p.a("body", 1)));
                            }
                            return done("done");
                        }
                        """),
                new ConformanceCase("TryWithResourcesClosesInReverseOrder", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            try (Resource a = p.open("a" + await(p.a("n", 1)));
                                    Resource b = p.open("b" + await(p.a("m", 2)))) {
                                sb.append(a.name()).append(b.name()).append(await(p.a("body", 3)));
                            }
                            try (Resource c = p.openFailingOnClose("c", "close c failed");
                                    Resource d = p.open("d")) {
                                p.log(c.name() + d.name());
                                await(p.fail("body", "body failed"));
                            } catch (IllegalStateException e) {
                                sb.append(" caught ").append(e.getMessage())
                                        .append(" suppressed ").append(e.getSuppressed()[0].getMessage());
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("TryWithResourcesClosesWhenTheAwaitedBodyFails", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            try (Resource r = p.open("r")) {
                                p.log(r.name());
                                await(p.fail("body", "body failed"));
                            }
                            return done("unreachable");
                        }
                        """),
                new ConformanceCase("TryWithResourcesCloseFailureIsThrown", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            try (Resource c = p.openFailingOnClose("c", "close failed")) {
                                return done(c.name() + await(p.a("body", 1)));
                            }
                        }
                        """),
                new ConformanceCase("SwitchStatementsWithColonsAndFallThrough", """
                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < 4; i++) {
                                switch (await(p.a("sel" + i, i))) {
                                    case 0:
                                        sb.append("zero").append(await(p.a("z", 0)));
                                    case 1:
                                        sb.append("one");
                                        break;
                                    case 2: {
                                        if (await(p.ab("skip", true))) {
                                            break;
                                        }
                                        sb.append("not here");
                                    }
                                    default:
                                        sb.append("default").append(await(p.a("d", i)));
                                }
                                sb.append(';');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("SwitchOnStringsAndEnumsWithArrows", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (String word : List.of("a", "bb", "c")) {
                                switch (await(p.as("word", word))) {
                                    case "a" -> sb.append("A").append(await(p.a("a", 1)));
                                    case "bb", "b" -> {
                                        sb.append("B");
                                        await(p.a("b", 2));
                                    }
                                    default -> sb.append('?');
                                }
                            }
                            for (Color color : Color.values()) {
                                switch (color) {
                                    case RED:
                                        sb.append(await(p.as("red", "r")));
                                        break;
                                    case GREEN:
                                        continue;
                                    default:
                                        sb.append("other");
                                }
                                sb.append(',');
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("SwitchExpressionsYieldAwaitedValues", """
                        @SuppressWarnings("fallthrough")
                        @Async
                        static Coroutine<String> main(Probe p) {
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < 3; i++) {
                                int v = switch (await(p.a("sel", i))) {
                                    case 0 -> await(p.a("arrow", 10));
                                    case 1 -> {
                                        int t = await(p.a("block", 20));
                                        yield t + await(p.a("more", 1));
                                    }
                                    default -> p.v("default", -1);
                                };
                                String s = switch (Color.values()[i]) {
                                    case RED:
                                        yield "red" + await(p.a("r", 1));
                                    case GREEN:
                                        p.log("green");
                                    default:
                                        yield await(p.as("other", "x"));
                                };
                                sb.append(v).append(s).append(p.v("sum", v + i) + switch (i) {
                                    case 2 -> await(p.a("inline", 100));
                                    default -> 0;
                                });
                            }
                            return done(sb.toString());
                        }
                        """),
                new ConformanceCase("PatternBindingsLiveAcrossAwaits", """
                        @Async
                        static Coroutine<String> main(Probe p) {
                            Object o = await(p.ao("o", (Object) "text"));
                            if (o instanceof String s && s.length() > await(p.a("min", 2))) {
                                await(p.a("between", 0));
                                return done(s + await(p.as("suffix", "!")));
                            }
                            return done("no");
                        }
                        """));
    }

}
