package dev.jasyncio.processor.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Arrays;
import javax.lang.model.element.Element;

/**
 * The standard {@code @SuppressWarnings} silences jasyncio's warnings too, with tokens of its own.
 * javac ignores tokens it does not know (checked under {@code -Xlint:all} on JDK 17 and 25), so
 * they cost the user nothing; like javac's own, a token applies to the declaration that carries it
 * and to everything inside: a local variable, a method or a class.
 */
public final class Suppressions {
    /** Silences {@code [BlockingCall]}. */
    public static final String BLOCKING = "jasyncio-blocking";
    /** Silences {@code [NotAwaited]}. */
    public static final String NOT_AWAITED = "jasyncio-not-awaited";

    private Suppressions() {}

    /** True if a declaration around {@code at} (or {@code at} itself) suppresses {@code token}. */
    static boolean isSuppressed(Trees trees, TreePath at, String token) {
        for (TreePath up = at; up != null; up = up.getParentPath()) {
            if (up.getLeaf() instanceof VariableTree || up.getLeaf() instanceof MethodTree
                    || up.getLeaf() instanceof ClassTree) {
                Element declared = trees.getElement(up);
                SuppressWarnings annotation = declared == null ? null : declared.getAnnotation(SuppressWarnings.class);
                if (annotation != null && Arrays.asList(annotation.value()).contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
