package dev.jasyncio.processor;

import dev.jasyncio.processor.checks.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** A failure of the processor itself becomes one compile error with its trace, never an exception out of javac. */
final class InternalErrors {
    private InternalErrors() {}

    static void report(Messager messager, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        messager.printMessage(Diagnostic.Kind.ERROR, String.format(Messages.INTERNAL_ERROR, trace));
    }
}
