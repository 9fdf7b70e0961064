package dev.jasyncio.processor;

import com.sun.source.util.Trees;
import dev.jasyncio.processor.checks.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;

/** What jasyncio's processors share: javac's tree API, and failures reported as errors rather than thrown. */
abstract class TreesProcessor extends AbstractProcessor {
    /** javac's tree API, or null under a compiler that has none (ECJ). */
    Trees trees;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        trees = javacTrees(environment);
    }

    /** A failure of the processor itself becomes one compile error with its trace, never an exception out of javac. */
    void reportFailure(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, String.format(Messages.INTERNAL_ERROR, trace));
    }

    /**
     * Some build tools hand processors a proxy around javac's environment; the proxy's handler
     * usually keeps the original in a field, which is tried before giving up.
     */
    private static Trees javacTrees(ProcessingEnvironment environment) {
        try {
            return Trees.instance(environment);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            if (!Proxy.isProxyClass(environment.getClass())) {
                return null;
            }
            Object handler = Proxy.getInvocationHandler(environment);
            for (Field field : handler.getClass().getDeclaredFields()) {
                try {
                    field.setAccessible(true);
                    if (field.get(handler) instanceof ProcessingEnvironment wrapped) {
                        return Trees.instance(wrapped);
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError notThisField) {
                    // not the wrapped environment: try the next field
                }
            }
            return null;
        }
    }
}
