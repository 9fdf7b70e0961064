package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.processor.checks.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Records with a canonical constructor of their own, near blueprints. javac up to 25 rejects such
 * a constructor once a processor has attributed its class in a round followed by another
 * (JDK-8387215), and it cleans the trees before its own compilation after every round, the last
 * included: where the processor must attribute the class for its blueprints, it says why and what
 * to do; where it would only check ordinary code, it leaves the class unattributed.
 */
class RecordConstructorTest {

    @Test
    void aCompactConstructorOfARecordNestedBesideABlueprintIsReportedAtTheConstructor() {
        JavaFileObject file = sourceLines("Orders",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Orders {",
                "    record Line(String item, int count) {",
                "        Line {",
                "            if (count < 1) throw new IllegalArgumentException(item);",
                "        }",
                "    }",
                "",
                "    @Async",
                "    static Coroutine<Integer> total(Line line) {",
                "        await(sleep(0));",
                "        return done(line.count());",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.RECORD_CONSTRUCTOR_REJECTED, "Line", "Orders", 25))
                .inFile(file).onLine(7).atColumn(9);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aFullCanonicalConstructorOfARecordThatHoldsBlueprintsIsReportedAtTheConstructor() {
        JavaFileObject file = sourceLines("Basket",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "import java.util.List;",
                "record Basket(List<String> items) {",
                "    Basket(List<String> items) {",
                "        this.items = List.copyOf(items);",
                "    }",
                "",
                "    @Async",
                "    Coroutine<Integer> size() {",
                "        await(sleep(0));",
                "        return done(items().size());",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.RECORD_CONSTRUCTOR_REJECTED, "Basket", "Basket", 25))
                .inFile(file).onLine(7).atColumn(5);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aLocalRecordWithACompactConstructorInAnotherMethodOfTheClassIsReported() {
        JavaFileObject file = sourceLines("Tally",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Tally {",
                "    static int checked(int n) {",
                "        record Positive(int value) {",
                "            Positive {",
                "                if (value < 0) throw new IllegalArgumentException();",
                "            }",
                "        }",
                "        return new Positive(n).value();",
                "    }",
                "",
                "    @Async",
                "    static Coroutine<Integer> count(int n) {",
                "        await(sleep(0));",
                "        return done(checked(n));",
                "    }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(String.format(Messages.RECORD_CONSTRUCTOR_REJECTED, "Positive", "Tally", 25))
                .inFile(file).onLine(8).atColumn(13);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRecordInTheSuperclassOfAHostIsReportedToo() {
        // javac attributes a class's superclass with it, and the superclass's file with everything in it
        JavaFileObject base = sourceLines("Base",
                "package demo;",
                "class Base {",
                "    record Id(String value) {",
                "        Id {",
                "            value = value.strip();",
                "        }",
                "    }",
                "}");
        JavaFileObject service = sourceLines("Service",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "class Service extends Base {",
                "    @Async",
                "    Coroutine<String> find(Id id) {",
                "        await(sleep(0));",
                "        return done(id.value());",
                "    }",
                "}");
        Compilation compilation = compile(base, service);
        assertThat(compilation).hadErrorContaining(String.format(Messages.RECORD_CONSTRUCTOR_REJECTED, "Id", "Service", 25))
                .inFile(base).onLine(4).atColumn(9);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRecordWithACompactConstructorInItsOwnFileWorksWithTheBlueprintsThatUseIt() {
        JavaFileObject line = source("Line", """
                record Line(String item, int count) {
                    Line {
                        if (count < 1) {
                            throw new IllegalArgumentException("no " + item);
                        }
                    }
                }
                """);
        JavaFileObject orders = source("Orders", """
                class Orders {
                    @Async
                    static Coroutine<Integer> total(List<Line> lines) {
                        int total = 0;
                        for (Line line : lines) {
                            total += await(later(line.count()));
                        }
                        return done(total);
                    }

                    static Object run() {
                        return EventLoop.run(OrdersAsync.total(List.of(new Line("a", 2), new Line("b", 3))));
                    }
                }
                """);
        assertThat(run("Orders", line, orders)).isEqualTo(5);
    }

    @Test
    void recordsWithoutACanonicalConstructorOfTheirOwnLiveBesideBlueprints() {
        assertThat(runForLog("Shelf", source("Shelf", """
                class Shelf {
                    record Book(String title, int pages) {
                        Book(String title) {
                            this(title, 100);
                        }

                        static Book thin(String title) {
                            return new Book(title, 10);
                        }
                    }

                    @Async
                    static Coroutine<List<String>> read(List<Book> books) {
                        List<String> log = new ArrayList<>();
                        for (Book book : books) {
                            log.add(book.title() + ":" + await(later(book.pages())));
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(ShelfAsync.read(List.of(new Book("a"), Book.thin("b"))));
                    }
                }
                """))).containsExactly("a:100", "b:10").inOrder();
    }

    @Test
    void ordinaryCodeBesideSuchARecordIsNotAttributedForTheMisuseChecks() {
        // a direct call of a blueprint goes unreported here: finding it would take the attribution
        // that breaks the record, and a false error in code that compiles is worse than a missed one
        JavaFileObject fetcher = source("Fetcher", """
                class Fetcher {
                    @Async
                    static Coroutine<String> fetch(String url) {
                        await(sleep(0));
                        return done(url);
                    }
                }
                """);
        JavaFileObject client = source("Client", """
                class Client {
                    record Request(String url) {
                        Request {
                            url = url.strip();
                        }
                    }

                    static Object get(Request request) {
                        return Fetcher.fetch(request.url());
                    }
                }
                """);
        compileCleanly(fetcher, client);
    }

    @Test
    void ordinaryCodeBesideSuchARecordThatOnlySharesABlueprintsNameCompiles() {
        JavaFileObject fetcher = source("Fetcher", """
                class Fetcher {
                    @Async
                    static Coroutine<String> get(String url) {
                        await(sleep(0));
                        return done(url);
                    }
                }
                """);
        JavaFileObject cache = source("Cache", """
                class Cache {
                    record Key(String url) {
                        Key {
                            url = url.strip();
                        }
                    }

                    final java.util.Map<Key, String> entries = new java.util.HashMap<>();

                    String lookup(String url) {
                        return entries.get(new Key(url));
                    }
                }
                """);
        compileCleanly(fetcher, cache);
    }
}
