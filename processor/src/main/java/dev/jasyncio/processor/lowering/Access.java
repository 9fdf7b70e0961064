package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.sun.source.util.TreePath;
import dev.jasyncio.processor.checks.Messages;
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

    /**
     * The receiver of an instance member used without one: {@code this} of the blueprint, or the
     * innermost enclosing instance whose class declares or inherits the member, as Java chooses it.
     */
    CodeBlock instanceReceiver(Element member, TreePath where) {
        if (context.selfName == null) {
            // an instance member in a static blueprint: javac reports it there, and a machine would
            // only repeat the error in generated code
            throw new LoweringAbort();
        }
        TypeElement owner = (TypeElement) member.getEnclosingElement();
        TypeElement receiver = context.host;
        while (!isInstanceOf(receiver, owner) && receiver.getEnclosingElement() instanceof TypeElement enclosing) {
            receiver = enclosing;
        }
        return context.outers.of(receiver);
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
