package dev.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.processor.checks.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What a blueprint may write but its machine, a class of its own, cannot do: use {@code super},
 * reach private members; and what ordinary code must not do with a blueprint: call it directly.
 */
class MemberAccessDiagnosticsTest {

    @Test
    void superInABlueprintIsReportedAtTheSuperKeyword() {
        JavaFileObject file = sourceLines("Child",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Child {",
                "    @Async",
                "    Coroutine<String> describe() {",
                "        return done(super.toString());",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Messages.SUPER_IN_ASYNC).inFile(file).onLine(8).atColumn(21);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void privateFieldUsedInABlueprintIsReportedAtTheUse() {
        JavaFileObject file = sourceLines("Secrets",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Secrets {",
                "    private int secret = 1;",
                "",
                "    @Async",
                "    Coroutine<Integer> reveal() {",
                "        await(sleep(0));",
                "        return done(secret);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.INACCESSIBLE_MEMBER, "private", "secret"))
                .inFile(file).onLine(11).atColumn(21);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void privateMethodCalledFromABlueprintIsReportedAtTheCall() {
        JavaFileObject file = sourceLines("Helpers",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Helpers {",
                "    private static int helper() {",
                "        return 1;",
                "    }",
                "",
                "    @Async",
                "    static Coroutine<Integer> compute() {",
                "        await(sleep(0));",
                "        return done(helper() + 1);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.INACCESSIBLE_MEMBER, "private", "helper"))
                .inFile(file).onLine(13).atColumn(21);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void blueprintCalledDirectlyFromOrdinaryCodeIsReportedAtTheCall() {
        JavaFileObject file = sourceLines("Service",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Service {",
                "    @Async",
                "    static Coroutine<String> fetch(String key) {",
                "        return done(key);",
                "    }",
                "",
                "    static Coroutine<String> wrong() {",
                "        return Service.fetch(\"k\");",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining(String.format(Messages.BLUEPRINT_CALLED_DIRECTLY, "Service.fetch(...)", "ServiceAsync.fetch(...)"))
                .inFile(file).onLine(12).atColumn(29);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void instanceBlueprintCalledDirectlyFromAnotherClassIsReportedAtTheCall() {
        JavaFileObject service = sourceLines("Store",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Store {",
                "    @Async",
                "    Coroutine<String> load(String key) {",
                "        return done(key);",
                "    }",
                "}");
        JavaFileObject client = sourceLines("Client",
                "package demo;",
                "class Client {",
                "    static Object use(Store store) {",
                "        return store.load(\"k\");",
                "    }",
                "}");
        Compilation compilation = compile(service, client);
        assertThat(compilation)
                .hadErrorContaining(String.format(Messages.BLUEPRINT_CALLED_DIRECTLY, "Store.load(...)", "StoreAsync.load(...)"))
                .inFile(client).onLine(4).atColumn(26);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anInstanceFieldInAStaticBlueprintGetsOnlyJavacsError() {
        JavaFileObject file = sourceLines("Static",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Static {",
                "    int x;",
                "",
                "    @Async",
                "    static Coroutine<Integer> read() {",
                "        return done(x);",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("non-static variable x cannot be referenced from a static context")
                .inFile(file).onLine(10).atColumn(21);
        assertThat(compilation).hadErrorCount(1);
    }
}
