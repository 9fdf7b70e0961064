package dev.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.processor.checks.Messages;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What a machine would have to keep across an await but cannot name or reach: one error at the
 * user's code, none in generated code.
 */
class KeptValuesDiagnosticsTest {

    private static JavaFileObject blueprint(String name, String... bodyLines) {
        String[] lines = new String[8 + bodyLines.length + 2];
        String[] header = {
            "package demo;",
            "import static dev.jasyncio.Jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import dev.jasyncio.tasks.Coroutine;",
            "class " + name + " {",
            "    static int use(Object value, int n) { return n; }",
            "    @Async",
            "    static Coroutine<Integer> main() {",
        };
        System.arraycopy(header, 0, lines, 0, header.length);
        System.arraycopy(bodyLines, 0, lines, header.length, bodyLines.length);
        lines[lines.length - 2] = "    }";
        lines[lines.length - 1] = "}";
        return sourceLines(name, lines);
    }

    @Test
    void anonymousObjectEvaluatedBeforeAnAwaitInTheSameCallIsReportedAtTheObject() {
        JavaFileObject file = blueprint("Operand",
                "        return done(use(new Object() { int n = 1; }, await(sleep(0)) == null ? 1 : 2));");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.NON_DENOTABLE_OPERAND).inFile(file).onLine(9).atColumn(25);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void localClassUsedAfterAnAwaitIsReportedAtItsDeclaration() {
        JavaFileObject file = blueprint("LocalClass",
                "        class Pair { int b() { return 2; } }",
                "        await(sleep(0));",
                "        return done(new Pair().b());");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.LOCAL_CLASS_ACROSS_AWAIT, "Pair", "LocalClass"))
                .inFile(file).onLine(9).atColumn(9);
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * The call around a switch expression runs after the switch expression's await, in a state
     * outside the class's block (the case of a switch expression counted as the statement that
     * suspends, so the class went unreported and the machine did not compile).
     */
    @Test
    void localClassNamedAroundASwitchExpressionThatAwaitsIsReportedAtItsDeclaration() {
        JavaFileObject file = blueprint("AroundSwitch",
                "        class Pair { static int first(int a) { return a; } }",
                "        int k = 1;",
                "        return done(Pair.first(switch (k) { case 0 -> 0; default -> await(sleep(0)) == null ? 1 : 2; }));");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.LOCAL_CLASS_ACROSS_AWAIT, "Pair", "AroundSwitch"))
                .inFile(file).onLine(9).atColumn(9);
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * The machine declares a local record used across an await as its own member; two of one
     * name cannot both be members, so each is reported.
     */
    @Test
    void twoLocalRecordsOfOneNameUsedAcrossAwaitsAreReportedAtTheirDeclarations() {
        JavaFileObject file = blueprint("SameName",
                "        int total = 0;",
                "        {",
                "            record Pair(int a, int b) {}",
                "            await(sleep(0));",
                "            total += new Pair(1, 2).b();",
                "        }",
                "        {",
                "            record Pair(int a) {}",
                "            await(sleep(0));",
                "            total += new Pair(3).a();",
                "        }",
                "        return done(total);");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.LOCAL_CLASS_ACROSS_AWAIT, "Pair", "SameName"))
                .inFile(file).onLine(11).atColumn(13);
        assertThat(compilation).hadErrorContaining(String.format(Messages.LOCAL_CLASS_ACROSS_AWAIT, "Pair", "SameName"))
                .inFile(file).onLine(16).atColumn(13);
        assertThat(compilation).hadErrorCount(2);
    }

    /** A member type cannot have the name of the machine around it ({@code main} -> {@code MainMachine}). */
    @Test
    void localRecordNamedLikeTheMachineIsReportedAtItsDeclaration() {
        JavaFileObject file = blueprint("MachineName",
                "        record MainMachine(int a) {}",
                "        await(sleep(0));",
                "        return done(new MainMachine(1).a());");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.LOCAL_CLASS_ACROSS_AWAIT, "MainMachine", "MachineName"))
                .inFile(file).onLine(9).atColumn(9);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void localClassUsedInACaseOfASwitchExpressionOnlyBeforeItsAwaitIsFine() {
        JavaFileObject file = blueprint("InsideCase",
                "        int k = 1;",
                "        return done(switch (k) {",
                "            case 0 -> 0;",
                "            default -> {",
                "                record Pair(int a, int b) {}",
                "                int b = new Pair(1, 2).b();",
                "                yield b + (await(sleep(0)) == null ? 1 : 2);",
                "            }",
                "        });");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void localClassUsedOnlyBeforeTheFirstAwaitIsFine() {
        JavaFileObject file = blueprint("EarlyClass",
                "        record Pair(int a, int b) {}",
                "        int b = new Pair(1, 2).b();",
                "        await(sleep(0));",
                "        return done(b);");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void privateRecordComponentFieldIsReportedWithItsAccessor() {
        JavaFileObject file = sourceLines("Point",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "record Point(int x) {",
                "    @Async",
                "    Coroutine<Integer> shifted() {",
                "        await(sleep(0));",
                "        return done(x + 1);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.RECORD_COMPONENT_FIELD, "x"))
                .inFile(file).onLine(9).atColumn(21);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void classWhoseTypesNeverResolveGetsANoteBesideJavacsOwnError() {
        JavaFileObject file = blueprint("Missing",
                "        NoSuchType value = null;",
                "        await(sleep(0));",
                "        return done(value == null ? 0 : 1);");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLine(9).atColumn(9);
        assertThat(compilation).hadNoteContaining(Messages.UNRESOLVED_TYPES).inFile(file).onLine(5).atColumn(1);
        assertThat(compilation).hadErrorCount(1);
        org.junit.jupiter.api.Assertions.assertTrue(compilation.diagnostics().stream()
                .noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getMessage(null).contains("[")));
    }
}
