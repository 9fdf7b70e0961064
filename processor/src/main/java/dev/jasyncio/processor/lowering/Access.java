package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.sun.source.util.TreePath;
import dev.jasyncio.processor.checks.Messages;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * How the machine, a class of its own in the blueprint's package, reaches what the blueprint
 * reached from inside its class; and the clear error when it cannot.
 */
final class Access {
    private final LoweringContext context;

    Access(LoweringContext context) {
        this.context = context;
    }

    /** The qualifier of a member used by its simple name: the receiver, or the declaring class. */
    CodeBlock qualifier(Element member, TreePath where) {
        checkMember(member, where);
        TypeElement owner = (TypeElement) member.getEnclosingElement();
        if (member.getModifiers().contains(Modifier.STATIC)) {
            return CodeBlock.of("$T", ClassName.get(owner));
        }
        return instanceReceiver(member, where);
    }

    /** The receiver of an instance member used without one: {@code this} of the blueprint. */
    CodeBlock instanceReceiver(Element member, TreePath where) {
        TypeElement owner = (TypeElement) member.getEnclosingElement();
        if (!isInstanceOf(context.host, owner) || context.selfName == null) {
            TypeElement outer = context.host;
            while (outer.getEnclosingElement() instanceof TypeElement enclosing && !isInstanceOf(outer, owner)) {
                outer = enclosing;
            }
            throw outerInstance(outer, where);
        }
        return CodeBlock.of("$L", context.selfName);
    }

    /**
     * The error for code that needs {@code Outer.this} of an inner class's blueprint. The machine
     * holds the inner object, and Java gives no class but the inner one its enclosing instance:
     * the message proposes an accessor that the machine can call.
     */
    LoweringAbort outerInstance(TypeElement outer, TreePath where) {
        String written = context.text(where.getLeaf()).replaceAll("\\s+", " ");
        boolean qualifiedThis = written.endsWith(".this");
        StringBuilder outerType = new StringBuilder(outer.getSimpleName());
        if (!outer.getTypeParameters().isEmpty()) {
            outerType.append(outer.getTypeParameters().stream().map(p -> p.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">")));
        }
        return context.abort(String.format(Messages.OUTER_INSTANCE, written, outerType, context.host.getSimpleName(),
                qualifiedThis ? "outer()" : "outer()." + written, outer.getSimpleName()), where);
    }

    private boolean isInstanceOf(TypeElement type, TypeElement owner) {
        return context.types.isSubtype(context.types.erasure(type.asType()), context.types.erasure(owner.asType()));
    }

    void checkMember(Element member, TreePath where) {
        if (member == null || !(member.getEnclosingElement() instanceof TypeElement owner) || isLocal(owner)) {
            return;
        }
        if (member.getModifiers().contains(Modifier.PRIVATE) && member.getKind() == ElementKind.FIELD
                && owner.getKind() == ElementKind.RECORD) {
            throw context.abort(String.format(Messages.RECORD_COMPONENT_FIELD, member.getSimpleName()), where);
        }
        if (member.getModifiers().contains(Modifier.PRIVATE)) {
            throw context.abort(String.format(Messages.INACCESSIBLE_MEMBER, "private", member.getSimpleName()), where);
        }
        if (member.getModifiers().contains(Modifier.PROTECTED) && !samePackage(owner)) {
            throw context.abort(String.format(Messages.INACCESSIBLE_MEMBER, "protected", member.getSimpleName()), where);
        }
    }

    void checkType(TypeElement type, TreePath where) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                throw context.abort(String.format(Messages.INACCESSIBLE_MEMBER, "private", t.getSimpleName()), where);
            }
        }
    }

    /** Checks every class a type names (its type arguments and array components included). */
    void checkType(TypeMirror type, TreePath where) {
        if (type instanceof ArrayType array) {
            checkType(array.getComponentType(), where);
        } else if (type instanceof DeclaredType declared) {
            TypeElement element = (TypeElement) declared.asElement();
            if (!isLocal(element)) {
                checkType(element, where);
            }
            for (TypeMirror argument : declared.getTypeArguments()) {
                checkType(argument, where);
            }
        }
    }

    private boolean samePackage(TypeElement owner) {
        return packageOf(owner).equals(packageOf(context.host));
    }

    private static boolean isLocal(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return true;
            }
        }
        return false;
    }

    private static String packageOf(Element element) {
        Element e = element;
        while (e.getKind() != ElementKind.PACKAGE) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }
}
