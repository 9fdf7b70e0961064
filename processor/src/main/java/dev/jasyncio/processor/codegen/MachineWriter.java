package dev.jasyncio.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jasyncio.processor.lowering.MachineModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes a machine: its fields, a constructor that stores the arguments, and the {@code step} switch. */
final class MachineWriter {

    TypeSpec write(MachineModel machine) {
        TypeSpec.Builder type = TypeSpec.classBuilder(machine.machineName())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addTypeVariables(machine.typeVariables())
                .superclass(CompanionWriter.coroutineOf(machine.resultType()))
                .addJavadoc("The state machine of {@code $L}: each case of {@code step} resumes at one await.\n",
                        machine.blueprint().getSimpleName())
                .addFields(machine.fields())
                .addMethod(constructor(machine))
                .addMethod(step(machine))
                .addMethods(machine.helpers());
        return type.build();
    }

    private static MethodSpec constructor(MachineModel machine) {
        List<ParameterSpec> parameters = new ArrayList<>();
        if (machine.receiver() != null) {
            parameters.add(machine.receiver());
        }
        parameters.addAll(machine.parameters());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameters(parameters);
        for (ParameterSpec parameter : parameters) {
            constructor.addStatement("this.$N = $N", parameter, parameter);
        }
        return constructor.build();
    }

    private static MethodSpec step(MachineModel machine) {
        MethodSpec.Builder step = MethodSpec.methodBuilder("step")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(ClassName.OBJECT)
                .addException(Throwable.class);
        step.addCode("$L:\n", machine.resumeLabel());
        step.beginControlFlow("for (;;)");
        if (machine.exceptionDispatch() != null) {
            step.beginControlFlow("try");
        }
        step.beginControlFlow("switch (label)");
        for (MachineModel.StateCode state : machine.states()) {
            step.addCode("case $L: {\n$>", state.id());
            step.addCode("// $L\n", state.comment());
            step.addCode(state.code());
            step.addCode("$<}\n");
        }
        step.addCode("default:\n$>");
        step.addStatement("throw new $T($S + label)", IllegalStateException.class,
                "coroutine " + machine.blueprint().getSimpleName() + " resumed after it finished, at state ");
        step.addCode("$<");
        step.endControlFlow();
        if (machine.exceptionDispatch() != null) {
            // the states of lowered try statements are not inside Java try blocks: the label tells whose exception it is
            step.nextControlFlow("catch ($T $L)", Throwable.class, machine.thrownName());
            step.addCode(machine.exceptionDispatch());
            step.endControlFlow();
        }
        step.endControlFlow();
        return step.build();
    }
}
