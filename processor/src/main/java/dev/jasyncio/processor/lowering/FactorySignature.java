package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.jasyncio.processor.analysis.TypeProjector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * The companion factory of a blueprint: what its declaration alone says, so it can be written
 * before the body is attributed.
 *
 * @param declaredResult the type argument of the blueprint's {@code Coroutine<...>}, which may be a wildcard
 * @param receiver the blueprint's {@code this} as the first parameter, or null for a static blueprint
 */
public record FactorySignature(
        ExecutableElement blueprint,
        List<TypeVariableName> typeVariables,
        TypeName declaredResult,
        ParameterSpec receiver,
        List<ParameterSpec> parameters) {

    /**
     * The signature with the given names for the receiver and the parameters (by element; the
     * user's name where none is given).
     *
     * @throws dev.jasyncio.processor.analysis.UnresolvedTypeException if a type is not resolvable yet
     */
    static FactorySignature of(TypeElement host, ExecutableElement blueprint, TypeProjector projector, String receiverName,
            Map<VariableElement, String> parameterNames) {
        List<TypeVariableName> typeVariables = new ArrayList<>();
        ParameterSpec receiver = null;
        if (!blueprint.getModifiers().contains(Modifier.STATIC)) {
            typeVariables.addAll(typeVariablesInScope(host));
            receiver = ParameterSpec.builder(projector.project(host.asType()), receiverName).build();
        }
        for (TypeParameterElement parameter : blueprint.getTypeParameters()) {
            typeVariables.add(TypeVariableName.get(parameter));
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        for (VariableElement parameter : blueprint.getParameters()) {
            String name = parameterNames.getOrDefault(parameter, parameter.getSimpleName().toString());
            parameters.add(ParameterSpec.builder(projector.project(parameter.asType()), name).build());
        }
        TypeName declaredResult = projector.projectBoxed(((DeclaredType) blueprint.getReturnType()).getTypeArguments().get(0));
        return new FactorySignature(blueprint, typeVariables, declaredResult, receiver, parameters);
    }

    /** The signature of a blueprint whose body is not lowered (yet): the receiver is {@code self} unless a parameter has that name. */
    public static FactorySignature declared(TypeElement host, ExecutableElement blueprint) {
        String receiverName = "self";
        for (int n = 2; isParameterName(blueprint, receiverName); n++) {
            receiverName = "self" + n;
        }
        return of(host, blueprint, new TypeProjector(), receiverName, Map.of());
    }

    private static boolean isParameterName(ExecutableElement blueprint, String name) {
        return blueprint.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(name));
    }

    /** The type variables of a class and, for an inner class, of the classes whose instances enclose it. */
    private static List<TypeVariableName> typeVariablesInScope(TypeElement type) {
        List<TypeVariableName> variables = new ArrayList<>();
        boolean inner = type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && type.getKind() == ElementKind.CLASS;
        if (inner && type.getEnclosingElement() instanceof TypeElement outer) {
            variables.addAll(typeVariablesInScope(outer));
        }
        for (TypeParameterElement parameter : type.getTypeParameters()) {
            variables.add(TypeVariableName.get(parameter));
        }
        return variables;
    }
}
