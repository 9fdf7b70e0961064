package dev.jasyncio.processor.lowering;

/**
 * A lowered {@code finally} block (or the closing of a try-with-resources resource) and the
 * fields that remember how the protected code ended, so the block can go on with it when it
 * completes normally: {@code kindField} holds the state to continue at, or {@link #THROW} with the
 * exception in {@code thrownField}, or {@link #RETURN} with the value in the machine's return field.
 */
record FinallyScope(String kindField, String thrownField, States.State entry) {
    static final int THROW = -1;
    static final int RETURN = -2;
}
