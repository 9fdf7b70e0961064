package dev.jasyncio.processor.analysis;

import com.palantir.javapoet.ClassName;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The runtime and annotation names the processor knows, as strings: the processor must never load
 * the runtime itself, because it runs inside javac where the user's runtime version is not on the
 * processor path.
 */
public final class RuntimeApi {
    public static final String ASYNC_ANNOTATION = "dev.jasyncio.annotations.Async";
    public static final String FACADE = "dev.jasyncio.Jasyncio";
    public static final ClassName COROUTINE = ClassName.get("dev.jasyncio.tasks", "Coroutine");
    public static final ClassName ENCLOSING_INSTANCES = ClassName.get("dev.jasyncio.tasks", "EnclosingInstances");
    public static final String ASYNC_CLOSEABLE = "dev.jasyncio.AsyncCloseable";

    private RuntimeApi() {}

    public static boolean isAwait(Element element) {
        return isFacadeMethod(element, "await");
    }

    public static boolean isDone(Element element) {
        return isFacadeMethod(element, "done");
    }

    public static boolean isBlueprint(Element element) {
        if (element == null || element.getKind() != ElementKind.METHOD) {
            return false;
        }
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(ASYNC_ANNOTATION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The simple name a call uses, read from the tree alone: a cheap filter before asking javac for
     * the called element, which attributes the whole class.
     */
    public static String calledName(MethodInvocationTree invocation) {
        Tree select = invocation.getMethodSelect();
        if (select instanceof MemberSelectTree member) {
            return member.getIdentifier().toString();
        }
        return select instanceof IdentifierTree identifier ? identifier.getName().toString() : "";
    }

    /** True if the type is or extends {@value #ASYNC_CLOSEABLE}, whose closing is awaited. */
    public static boolean isAsyncCloseable(TypeMirror type, Types types) {
        Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
        while (!pending.isEmpty()) {
            TypeMirror candidate = pending.poll();
            if (candidate instanceof DeclaredType declared
                    && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(ASYNC_CLOSEABLE)) {
                return true;
            }
            pending.addAll(types.directSupertypes(candidate));
        }
        return false;
    }

    private static boolean isFacadeMethod(Element element, String name) {
        return element instanceof ExecutableElement
                && element.getSimpleName().contentEquals(name)
                && element.getEnclosingElement() instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(FACADE);
    }
}
