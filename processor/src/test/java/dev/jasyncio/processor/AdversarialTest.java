package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.invoke;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runsOrIsRejectedClearly;
import static dev.jasyncio.processor.BlueprintHarness.source;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Regression cases: blueprints an adversarial review found the processor mishandling, kept so the
 * bugs stay fixed. Each test asserts what plain Java does with the blueprint (or, where the processor may legitimately refuse
 * a construct, that it refuses it with one of its own tagged errors in the user's source instead
 * of emitting a companion that does not compile).
 */
class AdversarialTest {

    // ---- generated code that does not compile ----

    @Test
    void forLoopVariableDeclaredInTheInitializerIsVisibleInAnAwaitingCondition() {
        assertThat(run("ForCondition", source("ForCondition", """
                class ForCondition {
                    @Async
                    static Coroutine<String> main() {
                        String s = "";
                        for (int i = 0; i < await(later(3)); i++) {
                            s += i;
                        }
                        return done(s);
                    }

                    static Object run() {
                        return EventLoop.run(ForConditionAsync.main());
                    }
                }
                """))).isEqualTo("012");
    }

    @Test
    void forLoopWithExpressionInitializerAroundAnAwaitCompiles() {
        assertThat(run("ForInit", source("ForInit", """
                class ForInit {
                    @Async
                    static Coroutine<Integer> main() {
                        int j;
                        for (j = 0; j < 3; j++) {
                            await(later(0));
                        }
                        return done(j);
                    }

                    static Object run() {
                        return EventLoop.run(ForInitAsync.main());
                    }
                }
                """))).isEqualTo(3);
    }

    @Test
    void earlierDeclaratorsOfADeclarationWithAnAwaitingInitializerSurviveTheAwait() {
        assertThat(run("Declarators", source("Declarators", """
                class Declarators {
                    @Async
                    static Coroutine<Integer> main() {
                        int a = 1, b = await(later(2));
                        return done(a + b);
                    }

                    static Object run() {
                        return EventLoop.run(DeclaratorsAsync.main());
                    }
                }
                """))).isEqualTo(3);
    }

    @Test
    void secondDeclaratorOfASplicedForInitializerHasItsNamesRewritten() {
        assertThat(run("ForDeclarators", source("ForDeclarators", """
                class ForDeclarators {
                    static int limit = 4;

                    @Async
                    static Coroutine<Integer> main() {
                        int total = await(later(0));
                        for (int i = 0, n = limit; i < n; i++) {
                            total += i;
                        }
                        return done(total);
                    }

                    static Object run() {
                        return EventLoop.run(ForDeclaratorsAsync.main());
                    }
                }
                """))).isEqualTo(6);
    }

    @Test
    void constantOfTheHostAsACaseLabelIsReachableFromTheMachine() {
        assertThat(run("CaseConstant", source("CaseConstant", """
                class CaseConstant {
                    static final int MAX = 3;

                    @Async
                    static Coroutine<String> main() {
                        int x = await(later(3));
                        switch (x) {
                            case MAX:
                                return done("max");
                            default:
                                return done("other");
                        }
                    }

                    static Object run() {
                        return EventLoop.run(CaseConstantAsync.main());
                    }
                }
                """))).isEqualTo("max");
    }

    @Test
    void loopWhoseConstantConditionIsNotALiteralIsNotFollowedByUnreachableCode() {
        assertThat(run("ConstantLoop", source("ConstantLoop", """
                class ConstantLoop {
                    @Async
                    static Coroutine<Integer> main() {
                        int n = 0;
                        if (await(later(true))) {
                            while (!false) {
                                if (++n > 3) {
                                    return done(n);
                                }
                            }
                        }
                        return done(-1);
                    }

                    static Object run() {
                        return EventLoop.run(ConstantLoopAsync.main());
                    }
                }
                """))).isEqualTo(4);
    }

    @Test
    void qualifiedInnerClassCreationKeepsTheSimpleClassName() {
        assertThat(run("InnerNew", source("InnerNew", """
                class InnerNew {
                    int base = 10;

                    class In {
                        final int v;

                        In(int v) {
                            this.v = v + base;
                        }
                    }

                    @Async
                    static Coroutine<Integer> main() {
                        InnerNew outer = new InnerNew();
                        In in = outer.new In(5);
                        await(later(0));
                        return done(in.v);
                    }

                    static Object run() {
                        return EventLoop.run(InnerNewAsync.main());
                    }
                }
                """))).isEqualTo(15);
    }

    @Test
    void localRecordDeclaredInABlueprintIsUsableAfterAnAwait() {
        runsOrIsRejectedClearly("LocalRecord", """
                class LocalRecord {
                    @Async
                    static Coroutine<Integer> main() {
                        record Pair(int a, int b) {}
                        return done(new Pair(1, await(later(5))).b());
                    }

                    static Object run() {
                        return EventLoop.run(LocalRecordAsync.main());
                    }
                }
                """, 5);
    }

    @Test
    void thisInsideAnAnonymousClassBodyMeansTheAnonymousObject() {
        assertThat(run("AnonymousThis", source("AnonymousThis", """
                class AnonymousThis {
                    @Async
                    static Coroutine<Integer> main() {
                        int x = await(later(3));
                        Supplier<Integer> s = new Supplier<Integer>() {
                            int n = 10;

                            @Override
                            public Integer get() {
                                return this.n;
                            }
                        };
                        return done(s.get() + x);
                    }

                    static Object run() {
                        return EventLoop.run(AnonymousThisAsync.main());
                    }
                }
                """))).isEqualTo(13);
    }

    @Test
    void patternVariableUsedAfterAnAwaitInTheSameConditionIsNotLost() {
        runsOrIsRejectedClearly("PatternThenAwait", """
                class PatternThenAwait {
                    @Async
                    static Coroutine<String> main() {
                        Object o = "abcd";
                        if (o instanceof String s && await(later(s.length())) > 2) {
                            return done(s);
                        }
                        return done("no");
                    }

                    static Object run() {
                        return EventLoop.run(PatternThenAwaitAsync.main());
                    }
                }
                """, "abcd");
    }

    @Test
    void patternVariableUsedAfterAnAwaitInAConditionalBranchIsNotLost() {
        runsOrIsRejectedClearly("PatternBranch", """
                class PatternBranch {
                    @Async
                    static Coroutine<String> main() {
                        Object o = "ab";
                        return done(o instanceof String s ? s + await(later(1)) : "none");
                    }

                    static Object run() {
                        return EventLoop.run(PatternBranchAsync.main());
                    }
                }
                """, "ab1");
    }

    @Test
    void wildcardResultTypeGivesACompilingCompanionOrAClearError() {
        runsOrIsRejectedClearly("WildcardResult", """
                class WildcardResult {
                    @Async
                    static Coroutine<? extends Number> m() {
                        await(later(0));
                        return done(1);
                    }

                    static Object run() {
                        return EventLoop.run(WildcardResultAsync.m());
                    }
                }
                """, 1);
    }

    // ---- inaccessible code in the companion instead of a clear error ----

    @Test
    void privateConstructorIsReportedInsteadOfGeneratingAnInaccessibleCall() {
        runsOrIsRejectedClearly("PrivateConstructor", """
                class PrivateConstructor {
                    final int v;

                    private PrivateConstructor(int v) {
                        this.v = v;
                    }

                    @Async
                    static Coroutine<Integer> main() {
                        await(later(0));
                        return done(new PrivateConstructor(4).v);
                    }

                    static Object run() {
                        return EventLoop.run(PrivateConstructorAsync.main());
                    }
                }
                """, 4);
    }

    @Test
    void methodReferenceToAPrivateMethodIsReportedInsteadOfGeneratingAnInaccessibleReference() {
        runsOrIsRejectedClearly("PrivateReference", """
                class PrivateReference {
                    private static int twice(int x) {
                        return 2 * x;
                    }

                    @Async
                    static Coroutine<Integer> main() {
                        await(later(0));
                        Function<Integer, Integer> f = PrivateReference::twice;
                        return done(f.apply(4));
                    }

                    static Object run() {
                        return EventLoop.run(PrivateReferenceAsync.main());
                    }
                }
                """, 8);
    }

    @Test
    void localOfAPrivateNestedTypeThatLivesAcrossAnAwaitIsReportedNotGenerated() {
        runsOrIsRejectedClearly("PrivateType", """
                class PrivateType {
                    private static class Secret {}

                    static Secret secret() {
                        return new Secret();
                    }

                    @Async
                    static Coroutine<Boolean> main() {
                        var s = secret();
                        await(later(0));
                        return done(s != null);
                    }

                    static Object run() {
                        return EventLoop.run(PrivateTypeAsync.main());
                    }
                }
                """, true);
    }

    // ---- valid code wrongly rejected, or rejected with advice that cannot be followed ----

    @Test
    void anonymousClassMayUseItsOwnFieldBySimpleName() {
        assertThat(run("AnonymousField", source("AnonymousField", """
                class AnonymousField {
                    @Async
                    static Coroutine<Integer> main() {
                        int x = await(later(3));
                        Supplier<Integer> s = new Supplier<Integer>() {
                            int n = 10;

                            @Override
                            public Integer get() {
                                return n;
                            }
                        };
                        return done(s.get() + x);
                    }

                    static Object run() {
                        return EventLoop.run(AnonymousFieldAsync.main());
                    }
                }
                """))).isEqualTo(13);
    }

    @Test
    void anonymousClassMayCallItsInheritedMethodsBySimpleName() {
        assertThat(run("AnonymousInherited", source("AnonymousInherited", """
                class AnonymousInherited {
                    @Async
                    static Coroutine<Integer> main() {
                        int x = await(later(3));
                        List<Integer> l = new java.util.AbstractList<Integer>() {
                            @Override
                            public Integer get(int i) {
                                return i * size();
                            }

                            @Override
                            public int size() {
                                return 4;
                            }
                        };
                        return done(l.get(2) + x);
                    }

                    static Object run() {
                        return EventLoop.run(AnonymousInheritedAsync.main());
                    }
                }
                """))).isEqualTo(11);
    }

    @Test
    void recordComponentReadInABlueprintIsNotMetWithAdviceToWidenThePrivateField() {
        Compilation compilation = compile(source("RecordHost", """
                record RecordHost(int value) {
                    @Async
                    Coroutine<Integer> twice() {
                        int x = await(later(value));
                        return done(x + value);
                    }

                    static Object run() {
                        return EventLoop.run(RecordHostAsync.twice(new RecordHost(3)));
                    }
                }
                """));
        if (compilation.status() == Compilation.Status.SUCCESS) {
            assertThat(invoke(compilation, "RecordHost", "run")).isEqualTo(6);
        } else {
            // a record's component fields are private by the language: "make it package-private" cannot be done
            for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
                assertThat(d.getMessage(null)).doesNotContain("make it package-private");
            }
        }
    }

    // ---- warnings in generated code under -Xlint:all ----

    @Test
    void safeVarargsGenericBlueprintGivesAWarningFreeCompanion() {
        assertThat(run("SafeVarargs", source("SafeVarargs", """
                class SafeVarargs {
                    @java.lang.SafeVarargs
                    @Async
                    static <T> Coroutine<Integer> count(T... xs) {
                        await(later(0));
                        return done(xs.length);
                    }

                    @Async
                    static Coroutine<Integer> main() {
                        return done(await(count(List.of(1), List.of(2))));
                    }

                    static Object run() {
                        return EventLoop.run(SafeVarargsAsync.main());
                    }
                }
                """))).isEqualTo(2);
    }

    @Test
    void suppressWarningsOfTheBlueprintCoversTheMachineFieldsOfItsLocals() {
        assertThat(run("RawLocal", source("RawLocal", """
                class RawLocal {
                    @SuppressWarnings({"rawtypes", "unchecked"})
                    @Async
                    static Coroutine<Integer> main() {
                        List raw = new ArrayList();
                        raw.add("x");
                        await(later(0));
                        return done(raw.size());
                    }

                    static Object run() {
                        return EventLoop.run(RawLocalAsync.main());
                    }
                }
                """))).isEqualTo(1);
    }

    @Test
    void suppressWarningsOnALocalDeclarationCoversItsInitializerWhenTheLocalBecomesAField() {
        assertThat(run("SuppressedLocal", source("SuppressedLocal", """
                class SuppressedLocal {
                    @Async
                    static Coroutine<Integer> main(Object o) {
                        @SuppressWarnings("unchecked")
                        List<String> l = (List<String>) o;
                        await(later(0));
                        return done(l.size());
                    }

                    static Object run() {
                        return EventLoop.run(SuppressedLocalAsync.main(List.of("a")));
                    }
                }
                """))).isEqualTo(1);
    }

    @Test
    void deprecatedHostGivesAWarningFreeCompanion() {
        assertThat(run("DeprecatedHost", source("DeprecatedHost", """
                @Deprecated
                class DeprecatedHost {
                    int v = 2;

                    @Async
                    Coroutine<Integer> m() {
                        await(later(0));
                        return done(v);
                    }

                    @SuppressWarnings("deprecation")
                    static Object run() {
                        return EventLoop.run(DeprecatedHostAsync.m(new DeprecatedHost()));
                    }
                }
                """))).isEqualTo(2);
    }

    @Test
    void innerClassOfAGenericClassGetsAParameterizedReceiver() {
        assertThat(run("GenericOuter", source("GenericOuter", """
                class GenericOuter<T> {
                    class Inner {
                        @Async
                        Coroutine<String> m() {
                            await(later(0));
                            return done("x");
                        }
                    }

                    static Object run() {
                        return EventLoop.run(GenericOuter_InnerAsync.m(new GenericOuter<String>().new Inner()));
                    }
                }
                """))).isEqualTo("x");
    }

    @Test
    void castOfAnAwaitedCapturedTypeIsNotRedundantInTheMachine() {
        assertThat(run("CapturedCast", source("CapturedCast", """
                class CapturedCast {
                    static CompletableFuture<? extends Number> wild() {
                        return CompletableFuture.completedFuture(3);
                    }

                    @Async
                    static Coroutine<Integer> main() {
                        Number n = (Number) await(wild());
                        return done(n.intValue());
                    }

                    static Object run() {
                        return EventLoop.run(CapturedCastAsync.main());
                    }
                }
                """))).isEqualTo(3);
    }

    // ---- behaviour that differs from the blueprint run as plain Java ----

    @Test
    void unboxingOfAnOperandEvaluatedBeforeAnAwaitFailsBeforeTheAwait() {
        assertThat(run("UnboxFirst", source("UnboxFirst", """
                class UnboxFirst {
                    @Async
                    static Coroutine<Integer> main(List<String> log) {
                        Integer missing = null;
                        return done(missing + await(later(log, "awaited", 1)));
                    }

                    static Object run() {
                        List<String> log = new ArrayList<>();
                        try {
                            EventLoop.run(UnboxFirstAsync.main(log));
                        } catch (NullPointerException e) {
                            log.add("npe");
                        }
                        return log;
                    }
                }
                """))).isEqualTo(java.util.List.of("npe"));
    }

    @Test
    void unboxingOfAnArgumentEvaluatedBeforeAnAwaitFailsBeforeTheAwait() {
        assertThat(run("UnboxArgument", source("UnboxArgument", """
                class UnboxArgument {
                    static int add(int a, int b) {
                        return a + b;
                    }

                    @Async
                    static Coroutine<Integer> main(List<String> log) {
                        Integer missing = null;
                        return done(add(missing, await(later(log, "awaited", 1))));
                    }

                    static Object run() {
                        List<String> log = new ArrayList<>();
                        try {
                            EventLoop.run(UnboxArgumentAsync.main(log));
                        } catch (NullPointerException e) {
                            log.add("npe");
                        }
                        return log;
                    }
                }
                """))).isEqualTo(java.util.List.of("npe"));
    }
}
