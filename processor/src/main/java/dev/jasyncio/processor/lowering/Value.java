package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;

/**
 * The rest of an expression once its awaits are lowered: code that computes the value in the
 * current state.
 *
 * @param stable evaluating the code later gives the same value with no effect (a literal, a temp,
 *     a local that is never reassigned), so it need not be saved before a later await
 * @param atomic the code needs no parentheses as an operand
 */
record Value(CodeBlock code, boolean stable, boolean atomic) {
    static Value of(CodeBlock code) {
        return new Value(code, false, false);
    }

    static Value atomic(CodeBlock code) {
        return new Value(code, false, true);
    }

    /** The boolean negation of this code. */
    CodeBlock negated() {
        return CodeBlock.of("!$L", operand());
    }

    /** The code as an operand of an operator. */
    CodeBlock operand() {
        return atomic ? code : CodeBlock.of("($L)", code);
    }
}
