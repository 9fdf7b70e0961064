package dev.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.processor.checks.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Blueprints declared where or how no coroutine can be made of them: one error, the message of
 * {@link Messages}, at the declaration it is about. Columns are javac's: 1-based, at a tree's
 * preferred position (a method's name, a type's first character).
 */
class DeclarationDiagnosticsTest {

    @Test
    void blueprintReturningStringIsReportedAtItsReturnType() {
        JavaFileObject file = sourceLines("Names",
                "package demo;",
                "import dev.jasyncio.annotations.Async;",
                "class Names {",
                "    @Async",
                "    static String name() {",
                "        return \"x\";",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.WRONG_RETURN_TYPE, "String"))
                .inFile(file).onLine(5).atColumn(12);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void blueprintReturningVoidIsReportedAtItsReturnTypeAndSuggestsCoroutineOfVoid() {
        JavaFileObject file = sourceLines("Procedures",
                "package demo;",
                "import dev.jasyncio.annotations.Async;",
                "class Procedures {",
                "    @Async",
                "    static void nothing() {",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.WRONG_RETURN_TYPE, "Void"))
                .inFile(file).onLine(5).atColumn(12);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void abstractBlueprintIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Base",
                "package demo;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "abstract class Base {",
                "    @Async",
                "    abstract Coroutine<String> name();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.ABSTRACT_BLUEPRINT).inFile(file).onLine(6).atColumn(32);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void interfaceMethodBlueprintWithoutBodyIsReportedAsAbstract() {
        JavaFileObject file = sourceLines("Service",
                "package demo;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "interface Service {",
                "    @Async",
                "    Coroutine<String> fetch(String key);",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.ABSTRACT_BLUEPRINT).inFile(file).onLine(6).atColumn(23);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nativeBlueprintIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Natives",
                "package demo;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Natives {",
                "    @Async",
                "    static native Coroutine<String> name();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.NATIVE_BLUEPRINT).inFile(file).onLine(6).atColumn(37);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void blueprintInALocalClassIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Host",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Host {",
                "    static Object method() {",
                "        class Local {",
                "            @Async",
                "            Coroutine<String> name() {",
                "                return done(\"x\");",
                "            }",
                "        }",
                "        return new Local();",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.NO_COMPANION_HOST, "local"))
                .inFile(file).onLine(9).atColumn(31);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void blueprintInAPrivateNestedClassIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Outer",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Outer {",
                "    private static class Hidden {",
                "        @Async",
                "        static Coroutine<String> name() {",
                "            return done(\"x\");",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.PRIVATE_HOST, "Outer_HiddenAsync", "Hidden"))
                .inFile(file).onLine(8).atColumn(34);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void instanceBlueprintWhoseTypeVariableHidesTheClassesIsReportedAtTheTypeVariable() {
        JavaFileObject file = sourceLines("Box",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Box<T> {",
                "    @Async",
                "    <T> Coroutine<T> same(T value) {",
                "        return done(value);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.CONFLICTING_TYPE_VARIABLE, "T"))
                .inFile(file).onLine(7).atColumn(6);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void blueprintInASecondaryClassOfAnotherFileIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Primary",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Primary {",
                "}",
                "class Secondary {",
                "    @Async",
                "    static Coroutine<String> name() {",
                "        return done(\"x\");",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.AUXILIARY_HOST, "Secondary", "Primary.java"))
                .inFile(file).onLine(9).atColumn(30);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void localOfAnAnonymousClassTypeLivingAcrossAnAwaitIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Anonymous",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Anonymous {",
                "    @Async",
                "    static Coroutine<Integer> count() {",
                "        var counter = new Object() { int n = 1; };",
                "        await(sleep(0));",
                "        return done(counter.n);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.NON_DENOTABLE_LOCAL, "counter"))
                .inFile(file).onLine(8).atColumn(13);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void blueprintImplementingAnInterfaceMethodIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Slow",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Slow implements Runnable {",
                "    public void run() {}",
                "    interface Source { Coroutine<String> fetch(); }",
                "    static final class Impl implements Source {",
                "        @Async",
                "        public Coroutine<String> fetch() {",
                "            return done(\"x\");",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(
                        String.format(Messages.BLUEPRINT_OVERRIDES, "Source.fetch", "Source", "Slow_ImplAsync.fetch"))
                .inFile(file).onLine(10).atColumn(34);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void ordinaryMethodOverridingABlueprintIsReportedAtItsName() {
        JavaFileObject file = sourceLines("Animals",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Animals {",
                "    static class Animal {",
                "        @Async",
                "        Coroutine<String> sound() {",
                "            return done(\"...\");",
                "        }",
                "    }",
                "    static class Dog extends Animal {",
                "        @Override",
                "        Coroutine<String> sound() {",
                "            return done(\"woof\");",
                "        }",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(
                        String.format(Messages.OVERRIDES_BLUEPRINT, "sound(...)", "Animal.sound(...)"))
                .inFile(file).onLine(14).atColumn(27);
        assertThat(compilation).hadErrorCount(1);
    }
}
