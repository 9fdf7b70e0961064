package dev.jasyncio.tasks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The enclosing instance of an inner class's object, for the machine of a blueprint that uses it
 * ({@code Outer.this}, or an outer field or method by its simple name).
 *
 * <p>Java lets no class but the inner one write {@code Outer.this}, and the machine runs in a
 * class of its own. What javac compiles {@code Outer.this} to is a read of a final field that it
 * adds to the inner class and sets in its constructor: synthetic, of the enclosing class's type,
 * with package access ({@code this$0}, {@code this$1} at deeper levels, but the name is only a
 * convention, so the field is found by being synthetic and of that type). javac 18 and later leave
 * the field out when no code of the class or of its own inner classes uses the enclosing instance;
 * a blueprint that does is such code, so its class keeps the field. Reading the field gives the
 * inner object's own enclosing instance, which no caller can substitute.
 *
 * <p>A class compiled without such a field (by a compiler that stores the enclosing instance
 * otherwise) gets a getter that throws an {@link IllegalStateException} naming the class when the
 * machine first needs the instance, not when the machine's class is loaded, so the class's other
 * coroutines still run.
 *
 * <p>For generated machines: each finds its getters once, into static final fields.
 */
public final class EnclosingInstances {
    private static final MethodHandle MISSING;

    static {
        try {
            MISSING = MethodHandles.lookup().findStatic(EnclosingInstances.class, "missing",
                    MethodType.methodType(Object.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private EnclosingInstances() {}

    /**
     * A getter of type {@code (inner)outer} that returns an {@code inner} object's enclosing
     * instance.
     *
     * @param lookup the lookup of the generated machine, which is in {@code inner}'s package and
     *     module, so it may read the field
     * @param inner an inner (non-static member) class
     * @param outer the class whose instance immediately encloses {@code inner}'s objects
     */
    public static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> inner, Class<?> outer) {
        MethodType type = MethodType.methodType(outer, inner);
        List<Field> candidates = new ArrayList<>();
        for (Field field : inner.getDeclaredFields()) {
            if (field.isSynthetic() && field.getType() == outer && !Modifier.isStatic(field.getModifiers())) {
                candidates.add(field);
            }
        }
        if (candidates.size() != 1) {
            return failing(type, String.format("jasyncio: cannot read the enclosing %s instance of %s: the class has %s"
                    + " synthetic field of type %1$s, where javac keeps the enclosing instance of an inner class whose"
                    + " code uses it; compile %2$s with javac", outer.getName(), inner.getName(),
                    candidates.isEmpty() ? "no" : "more than one"));
        }
        try {
            return MethodHandles.privateLookupIn(inner, lookup).unreflectGetter(candidates.get(0)).asType(type);
        } catch (IllegalAccessException e) {
            return failing(type, String.format("jasyncio: cannot read the enclosing %s instance of %s: %s",
                    outer.getName(), inner.getName(), e.getMessage()));
        }
    }

    /** A handle of the getter's type that throws, each time it is called, an exception with this message. */
    private static MethodHandle failing(MethodType type, String message) {
        return MethodHandles.dropArguments(MISSING.bindTo(message), 0, type.parameterType(0)).asType(type);
    }

    private static Object missing(String message) {
        throw new IllegalStateException(message);
    }
}
