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

    /** Source text, written exactly as given. */
    SplicedCode text(CharSequence source) {
        text.append(source);
        return this;
    }

    /** Code that JavaPoet must format: it may name types ({@code $T}) that the companion imports. */
    SplicedCode add(CodeBlock block) {
        flush();
        code.add(block);
        return this;
    }

    SplicedCode add(String format, Object... arguments) {
        return add(CodeBlock.of(format, arguments));
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
