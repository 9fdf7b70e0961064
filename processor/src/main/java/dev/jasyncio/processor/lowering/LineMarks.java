package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;

/**
 * Marks in a machine's code that tie the generated lines after them to the blueprint's lines, so
 * that stack traces can name the user's file and line. A mark is a line of its own; the writer of
 * the companion removes every mark after formatting, when the generated line numbers are final,
 * and turns them into the machine's line table.
 *
 * <p>A mark starts with a character of Unicode's private use area, which no compiler output uses
 * and which a user's text block would have to contain on a line of its own, followed by nothing
 * but the mark, to be taken for one.
 */
public final class LineMarks {
    /** Starts every mark. */
    public static final char MARK = '\uE000';
    /** The following lines come from one blueprint line: {@code MARK + "L" + line}. */
    public static final char AT = 'L';
    /** The following lines are the blueprint's own text from a line on, line for line: {@code MARK + "C" + line}. */
    public static final char COPIED = 'C';

    private LineMarks() {}

    /** The generated lines that follow, up to the next mark, come from blueprint line {@code line}. */
    public static CodeBlock at(long line) {
        return CodeBlock.of("$L", String.valueOf(MARK) + AT + line + "\n");
    }

    /**
     * The generated lines that follow, up to the next mark, are copied from the blueprint starting
     * at line {@code line}: the n-th of them comes from line {@code line + n}.
     */
    public static CodeBlock copiedFrom(long line) {
        return CodeBlock.of("$L", String.valueOf(MARK) + COPIED + line + "\n");
    }
}
