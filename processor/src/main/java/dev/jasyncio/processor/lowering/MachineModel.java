package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A lowered blueprint, ready to be written: everything in JavaPoet form, so it outlives the
 * round whose attribution produced it.
 *
 * @param declaredResult the type argument of the blueprint's {@code Coroutine<...>}, which may be a wildcard
 * @param resultType the machine's own result: the wildcard's bound, since a class cannot extend
 *     {@code Coroutine<? extends X>}
 * @param receiver the blueprint's {@code this} as a constructor parameter, or null for a static blueprint
 * @param parameters the blueprint's parameters; each is stored in the field of the same name
 * @param memberTypes the blueprint's local types that the machine declares as members
 * @param states the cases of the machine's switch, in order
 * @param thrownName the name of the exception in {@code exceptionDispatch}
 * @param exceptionDispatch the handler of exceptions thrown in the switch, which sends them to the
 *     lowered catch and finally blocks; null if the blueprint has no try statement with an await
 */
public record MachineModel(
        ExecutableElement blueprint,
        String machineName,
        List<TypeVariableName> typeVariables,
        TypeName declaredResult,
        TypeName resultType,
        ParameterSpec receiver,
        List<ParameterSpec> parameters,
        List<FieldSpec> fields,
        List<MethodSpec> helpers,
        List<MemberType> memberTypes,
        String resumeLabel,
        List<StateCode> states,
        String thrownName,
        CodeBlock exceptionDispatch,
        List<String> suppressedWarnings) {

    /** The companion factory that creates this machine. */
    public FactorySignature signature() {
        return new FactorySignature(blueprint, typeVariables, declaredResult, receiver, parameters);
    }

    /** A local type of the blueprint that the machine declares as its member, as the user wrote it. */
    public record MemberType(String name, CodeBlock declaration) {}

    /** One case of the machine's switch. */
    public record StateCode(int id, String comment, CodeBlock code) {}
}
