package dev.jasyncio.processor;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/** javac's tree API for a processing environment, or null under a compiler that has none (ECJ). */
final class JavacTrees {
    private JavacTrees() {}

    /**
     * Some build tools hand processors a proxy around javac's environment; the proxy's handler
     * usually keeps the original in a field, which is tried before giving up.
     */
    static Trees of(ProcessingEnvironment environment) {
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
