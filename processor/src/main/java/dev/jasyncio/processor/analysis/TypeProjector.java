package dev.jasyncio.processor.analysis;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;

/**
 * Turns the static types javac computed into JavaPoet types that can be written in source.
 *
 * <p>It runs in the round that read the types, because javac wipes attribution between rounds.
 * Types that have no source form are projected to the nearest one that does: a captured wildcard
 * becomes its bound (or a wildcard when it is a type argument), an intersection its first bound,
 * an anonymous class its supertype, the null type {@code Object}. An erroneous type means the
 * body refers to something not generated yet: {@link UnresolvedTypeException} defers the method.
 */
public final class TypeProjector {
    /** Local types that the machine declares as its own members: written by their simple names. */
    private final Set<? extends Element> memberTypes;

    public TypeProjector() {
        this(Set.of());
    }

    public TypeProjector(Set<? extends Element> memberTypes) {
        this.memberTypes = memberTypes;
    }

    public TypeName project(TypeMirror type) {
        switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID:
                return TypeName.get(type);
            case ARRAY:
                return ArrayTypeName.of(project(((ArrayType) type).getComponentType()));
            case DECLARED:
                return declared((DeclaredType) type);
            case TYPEVAR:
                return isCaptured((TypeVariable) type)
                        ? project(((TypeVariable) type).getUpperBound())
                        : TypeVariableName.get(((TypeVariable) type).asElement().getSimpleName().toString());
            case INTERSECTION:
                return project(((IntersectionType) type).getBounds().get(0));
            case UNION:
                return commonSuperclass(((UnionType) type).getAlternatives());
            case WILDCARD:
                return wildcard((WildcardType) type);
            case NULL:
                return ClassName.OBJECT;
            case ERROR:
                throw new UnresolvedTypeException(type);
            default:
                return ClassName.OBJECT;
        }
    }

    /**
     * Whether a value of this type can be stored in a field without losing members the code may
     * use: false for anonymous and local classes and for intersections, whose projection is only a
     * supertype.
     */
    public boolean isDenotable(TypeMirror type) {
        if (type.getKind() == TypeKind.INTERSECTION) {
            return false;
        }
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            NestingKind nesting = element.getNestingKind();
            return nesting != NestingKind.ANONYMOUS && nesting != NestingKind.LOCAL || memberTypes.contains(element);
        }
        return true;
    }

    /**
     * The parameter of a multi-catch, {@code catch (A | B e)}, has the least upper bound of A and B:
     * their nearest common superclass is the closest type a field or local can be declared with.
     */
    private static TypeName commonSuperclass(List<? extends TypeMirror> alternatives) {
        List<List<TypeElement>> chains = new ArrayList<>();
        for (TypeMirror alternative : alternatives) {
            List<TypeElement> chain = new ArrayList<>();
            for (TypeMirror t = alternative; t.getKind() == TypeKind.DECLARED; t = ((TypeElement) ((DeclaredType) t).asElement()).getSuperclass()) {
                chain.add((TypeElement) ((DeclaredType) t).asElement());
            }
            chains.add(chain);
        }
        for (TypeElement candidate : chains.get(0)) {
            if (chains.stream().allMatch(chain -> chain.contains(candidate))) {
                return ClassName.get(candidate);
            }
        }
        return ClassName.get(Throwable.class);
    }

    /** The boxed form of a type, for type arguments such as {@code resumeValue()}'s. */
    public TypeName projectBoxed(TypeMirror type) {
        return project(type).box();
    }

    private TypeName declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        if (memberTypes.contains(element)) {
            ClassName member = ClassName.get("", element.getSimpleName().toString());
            return type.getTypeArguments().isEmpty() ? member : ParameterizedTypeName.get(member,
                    type.getTypeArguments().stream().map(this::typeArgument).toArray(TypeName[]::new));
        }
        if (element.getNestingKind() == NestingKind.ANONYMOUS || element.getNestingKind() == NestingKind.LOCAL) {
            boolean implementsInterface = !element.getInterfaces().isEmpty() && isObject(element.getSuperclass());
            return project(implementsInterface ? element.getInterfaces().get(0) : element.getSuperclass());
        }
        ClassName raw = ClassName.get(element);
        List<TypeName> arguments = new ArrayList<>();
        for (TypeMirror argument : type.getTypeArguments()) {
            arguments.add(typeArgument(argument));
        }
        // an inner class of a generic class: Outer<T>.Inner
        TypeMirror enclosing = type.getEnclosingType();
        if (enclosing.getKind() == TypeKind.DECLARED && declared((DeclaredType) enclosing) instanceof ParameterizedTypeName outer) {
            return outer.nestedClass(raw.simpleName(), arguments);
        }
        return arguments.isEmpty() ? raw : ParameterizedTypeName.get(raw, arguments.toArray(TypeName[]::new));
    }

    private TypeName typeArgument(TypeMirror argument) {
        if (argument.getKind() == TypeKind.TYPEVAR && isCaptured((TypeVariable) argument)) {
            TypeMirror upper = ((TypeVariable) argument).getUpperBound();
            TypeMirror lower = ((TypeVariable) argument).getLowerBound();
            if (lower.getKind() != TypeKind.NULL && lower.getKind() != TypeKind.NONE) {
                return WildcardTypeName.supertypeOf(project(lower));
            }
            return isObject(upper) ? WildcardTypeName.subtypeOf(Object.class) : WildcardTypeName.subtypeOf(project(upper));
        }
        return project(argument);
    }

    private TypeName wildcard(WildcardType type) {
        if (type.getSuperBound() != null) {
            return WildcardTypeName.supertypeOf(project(type.getSuperBound()));
        }
        if (type.getExtendsBound() != null) {
            return WildcardTypeName.subtypeOf(project(type.getExtendsBound()));
        }
        return WildcardTypeName.subtypeOf(Object.class);
    }

    private static boolean isCaptured(TypeVariable variable) {
        // javac names the variables it invents for capture conversion "<captured wildcard>"; no
        // declared type variable can have that name.
        return variable.asElement().getSimpleName().toString().startsWith("<");
    }

    private static boolean isObject(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Object");
    }
}
