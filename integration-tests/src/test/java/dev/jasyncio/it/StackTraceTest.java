package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jasyncio.loop.EventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An exception thrown inside a coroutine names the line of the user's blueprint in its stack
 * trace, not a line of the generated companion. The expected lines are read from the sources, so
 * editing those files does not break the test.
 */
class StackTraceTest {

    @Test
    void aFailureInAStatementAfterAnAwaitNamesTheBlueprintsLineThenTheAwaitThatCalledIt() throws IOException {
        NumberFormatException thrown = assertThrows(NumberFormatException.class,
                () -> EventLoop.run(NumbersAsync.sum(List.of("1", "two"))));
        assertEquals(List.of("dev.jasyncio.it.Numbers.parse(Numbers.java:" + lineOf("Numbers", "Integer.parseInt(text)") + ")",
                        "dev.jasyncio.it.Numbers.sum(Numbers.java:" + lineOf("Numbers", "await(parse(text))") + ")"),
                blueprintFrames(thrown));
    }

    @Test
    void aFailureInsideAnIfCopiedAsWrittenNamesTheThrowsLineThenTheAwaitThatCalledIt() throws IOException {
        Catalog catalog = new Catalog(Map.of(), 0);
        UnknownItemException thrown = assertThrows(UnknownItemException.class,
                () -> EventLoop.run(CatalogAsync.price(catalog, "nothing")));
        assertEquals(List.of("dev.jasyncio.it.Catalog.lookup(Catalog.java:" + lineOf("Catalog", "throw new UnknownItemException") + ")",
                        "dev.jasyncio.it.Catalog.price(Catalog.java:" + lineOf("Catalog", "await(lookup(sku))") + ")"),
                blueprintFrames(thrown));
    }

    /** The frames that name this module's classes: generated companions must not be among them. */
    private static List<String> blueprintFrames(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("dev.jasyncio.it.") && !frame.getClassName().endsWith("Test")
                        && !frame.getMethodName().startsWith("lambda$"))
                .map(StackTraceElement::toString)
                .toList();
    }

    private static int lineOf(String className, String text) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/java/dev/jasyncio/it", className + ".java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + className + ".java");
    }
}
