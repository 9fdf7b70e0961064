package dev.jasyncio.processor.lowering;

/** Thrown after an error was reported at the user's source: the method gets no machine. */
public final class LoweringAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoweringAbort() {
        super(null, null, false, false);
    }
}
