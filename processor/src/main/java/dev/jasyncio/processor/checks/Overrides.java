package dev.jasyncio.processor.checks;

import dev.jasyncio.processor.analysis.RuntimeApi;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The method of a supertype that a method overrides or implements. Calls to a blueprint are
 * compiled to its companion by the static type, so overriding must never mix blueprints and
 * ordinary methods: that is what both checks built on this refuse.
 */
final class Overrides {
    private final Elements elements;
    private final Types types;

    Overrides(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The blueprints declared in the proper supertypes of a class. */
    List<ExecutableElement> inheritedBlueprints(TypeElement type) {
        List<ExecutableElement> blueprints = new ArrayList<>();
        for (TypeElement supertype : supertypes(type)) {
            for (ExecutableElement method : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
                if (RuntimeApi.isBlueprint(method)) {
                    blueprints.add(method);
                }
            }
        }
        return blueprints;
    }

    boolean overrides(ExecutableElement method, ExecutableElement candidate) {
        return candidate.getSimpleName().equals(method.getSimpleName())
                && elements.overrides(method, candidate, (TypeElement) method.getEnclosingElement());
    }

    /** The first method of a proper supertype of the method's class that it overrides, or null. */
    ExecutableElement overridden(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)) {
            return null;
        }
        for (TypeElement supertype : supertypes((TypeElement) method.getEnclosingElement())) {
            for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
                if (overrides(method, candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Every proper supertype of a class, nearest first. */
    private Set<TypeElement> supertypes(TypeElement type) {
        Set<TypeElement> found = new LinkedHashSet<>();
        Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(type.asType()));
        while (!pending.isEmpty()) {
            TypeMirror supertype = pending.poll();
            if (supertype instanceof DeclaredType declared && found.add((TypeElement) declared.asElement())) {
                pending.addAll(types.directSupertypes(supertype));
            }
        }
        return found;
    }
}
