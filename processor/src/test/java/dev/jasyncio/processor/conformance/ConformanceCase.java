package dev.jasyncio.processor.conformance;

import dev.jasyncio.processor.differential.MemoryJavac;

/**
 * One blueprint of the conformance suite: a class {@code conformance.<name>} whose
 * {@code @Async static Coroutine<?> main(Probe p)} exercises one construct of the language.
 *
 * @param name the class name, which says what the case shows
 * @param members the class body; the usual imports come with it
 */
record ConformanceCase(String name, String members) {

    private static final String HEADER = """
            package conformance;

            import static dev.jasyncio.Jasyncio.*;

            import dev.jasyncio.annotations.Async;
            import dev.jasyncio.processor.differential.Color;
            import dev.jasyncio.processor.differential.Probe;
            import dev.jasyncio.processor.differential.Resource;
            import dev.jasyncio.tasks.Coroutine;
            import java.io.IOException;
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.List;

            """;

    String className() {
        return "conformance." + name;
    }

    MemoryJavac.Source source() {
        return new MemoryJavac.Source(className(), HEADER + "final class " + name + " {\n" + members + "}\n");
    }

    @Override
    public String toString() {
        return name;
    }
}
