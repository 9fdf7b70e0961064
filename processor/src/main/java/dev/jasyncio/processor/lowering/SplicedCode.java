package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;

/**
 * The code the {@link Splicer} writes: the user's text in as few pieces as possible. JavaPoet
 * formats every piece of a code block on its own (and splits each one into lines with a regular
 * expression), so runs of copied text are joined into one piece before they reach it.
 */
final class SplicedCode {
    private final CodeBlock.Builder code = CodeBlock.builder();
    private final StringBuilder text = new StringBuilder();
    /** The white space that starts the current line of copied text: JavaPoet does not indent it. */
    private String lineLead = "";
    /** Nothing but white space is on the current line yet. */
    private boolean inLead = true;

    /** Source text, written exactly as given. */
    SplicedCode text(CharSequence source) {
        text.append(source);
        int lineStart = lastIndexOf(source, '\n') + 1;
        if (lineStart > 0) {
            lineLead = "";
            inLead = true;
        }
        if (inLead) {
            int end = lineStart;
            while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
                end++;
            }
            lineLead += source.subSequence(lineStart, end);
            inLead = end == source.length();
        }
        return this;
    }

    /** Code that JavaPoet must format: it may name types ({@code $T}) that the companion imports. */
    SplicedCode add(CodeBlock block) {
        flush();
        code.add(block);
        inLead = false;
        return this;
    }

    SplicedCode add(String format, Object... arguments) {
        return add(CodeBlock.of(format, arguments));
    }

    /**
     * A block in braces that replaces a statement of the copied text ({@code break;} becoming a
     * jump): its lines are indented one level deeper than the line of text it starts on, and its
     * closing brace as deep as that line. JavaPoet indents only by its own levels, so the copied
     * line's white space is counted in levels of four columns for the block's lines and copied
     * before the closing brace.
     */
    SplicedCode block(CodeBlock body) {
        String lead = lineLead;
        int levels = 1 + columns(lead) / 4;
        flush();
        code.add("{\n");
        for (int i = 0; i < levels; i++) {
            code.indent();
        }
        code.add(body);
        for (int i = 0; i < levels; i++) {
            code.unindent();
        }
        code.add("$L}", lead);
        lineLead = lead;
        inLead = false;
        return this;
    }

    private static int columns(String lead) {
        int columns = 0;
        for (int i = 0; i < lead.length(); i++) {
            columns = lead.charAt(i) == '\t' ? columns + 4 - columns % 4 : columns + 1;
        }
        return columns;
    }

    private static int lastIndexOf(CharSequence source, char c) {
        for (int i = source.length() - 1; i >= 0; i--) {
            if (source.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    CodeBlock build() {
        flush();
        return code.build();
    }

    private void flush() {
        if (!text.isEmpty()) {
            code.add("$L", text.toString());
            text.setLength(0);
        }
    }
}
