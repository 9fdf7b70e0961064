package dev.jasyncio.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.lowering.LineMarks;
import dev.jasyncio.processor.lowering.MachineModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Writes a machine: its fields, a constructor that stores the arguments, the {@code step} switch,
 * and the two hooks that name the blueprint's lines in stack traces and debug reports, read from
 * the companion's line table.
 */
final class MachineWriter {
    static final char MEMBER_TYPE = 'H';
    private static final ClassName BLUEPRINT_TRACES = ClassName.get(RuntimeApi.COROUTINE.packageName(), "BlueprintTraces");

    /**
     * Where the machine's lines are: its index among the companion's machines (for the marks), and
     * the constants of the line table that {@link LineTable} fills in.
     */
    record Lines(int index, ClassName table, String stepConstant, String resumeConstant) {}

    TypeSpec write(MachineModel machine, Lines lines) {
        TypeSpec.Builder type = TypeSpec.classBuilder(machine.machineName())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addTypeVariables(machine.typeVariables())
                .superclass(CompanionWriter.coroutineOf(machine.resultType()))
                .addJavadoc("The state machine of {@code $L}: each case of {@code step} resumes at one await.\n",
                        machine.blueprint().getSimpleName())
                .addFields(machine.fields())
                .addMethods(memberTypePlaceholders(machine, lines))
                .addMethod(constructor(machine))
                .addMethod(step(machine, lines))
                .addMethod(blueprintFrame(machine, lines))
                .addMethod(resumePoint(machine, lines))
                .addMethods(machine.helpers());
        // a member type hides a class of the same simple name that the machine's other code names
        machine.memberTypes().forEach(member -> type.alwaysQualify(member.name()));
        return type.build();
    }

    /**
     * JavaPoet writes no member type from source text: each is the body of a method that stands
     * where it goes (so JavaPoet imports the types it names), which {@link CompanionWriter}
     * replaces by its body once the file is rendered.
     */
    private static List<MethodSpec> memberTypePlaceholders(MachineModel machine, Lines lines) {
        List<MethodSpec> placeholders = new ArrayList<>();
        for (int i = 0; i < machine.memberTypes().size(); i++) {
            placeholders.add(MethodSpec.methodBuilder("memberType" + i)
                    .addCode("$L", memberTypePlaceholder(lines.index(), i) + "\n")
                    .addCode(machine.memberTypes().get(i).declaration())
                    .addCode("\n")
                    .build());
        }
        return placeholders;
    }

    /** The first line of a member type's placeholder method in the rendered file: never in the written one. */
    static String memberTypePlaceholder(int machine, int memberType) {
        return String.valueOf(LineMarks.MARK) + MEMBER_TYPE + machine + "." + memberType + MEMBER_TYPE;
    }

    private static MethodSpec blueprintFrame(MachineModel machine, Lines lines) {
        return MethodSpec.methodBuilder("blueprintFrame")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(StackTraceElement.class)
                .addParameter(int.class, "generatedLine")
                .addStatement("return $T.frame($L, $T.$L, generatedLine)", BLUEPRINT_TRACES, blueprintName(machine),
                        lines.table(), lines.stepConstant())
                .build();
    }

    private static MethodSpec resumePoint(MachineModel machine, Lines lines) {
        return MethodSpec.methodBuilder("resumePoint")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(StackTraceElement.class)
                .addStatement("return $T.resumeFrame($L, $T.$L, label)", BLUEPRINT_TRACES, blueprintName(machine),
                        lines.table(), lines.resumeConstant())
                .build();
    }

    /** The blueprint's class (binary name), method and file, as a stack trace names them. */
    private static CodeBlock blueprintName(MachineModel machine) {
        TypeElement host = (TypeElement) machine.blueprint().getEnclosingElement();
        String binaryName = host.getSimpleName().toString();
        TypeElement topLevel = host;
        while (topLevel.getEnclosingElement() instanceof TypeElement outer) {
            binaryName = outer.getSimpleName() + "$" + binaryName;
            topLevel = outer;
        }
        String packageName = ((PackageElement) topLevel.getEnclosingElement()).getQualifiedName().toString();
        return CodeBlock.of("$S, $S, $S", packageName.isEmpty() ? binaryName : packageName + "." + binaryName,
                machine.blueprint().getSimpleName(), topLevel.getSimpleName() + ".java");
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

    private static MethodSpec step(MachineModel machine, Lines lines) {
        // a case whose last jump goes to the case written after it falls through into it (States.cases)
        MethodSpec.Builder step = MethodSpec.methodBuilder("step")
                .addAnnotation(Override.class)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "fallthrough").build())
                .addModifiers(Modifier.PROTECTED)
                .returns(ClassName.OBJECT)
                .addException(Throwable.class);
        step.addCode(LineTable.machineMark(lines.index()));
        step.addCode("$L:\n", machine.resumeLabel());
        step.beginControlFlow("for (;;)");
        if (machine.exceptionDispatch() != null) {
            step.beginControlFlow("try");
        }
        step.beginControlFlow("switch (label)");
        for (MachineModel.StateCode state : machine.states()) {
            // literals rather than formats: JavaPoet formats each piece of a format on its own
            step.addCode("$L$>", "case " + state.id() + ": {\n");
            step.addCode(LineTable.stateMark(state.id()));
            step.addCode("$L", "// " + state.comment() + "\n");
            step.addCode(state.code());
            step.addCode("$<}\n");
        }
        step.addCode(LineTable.endMark());
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
