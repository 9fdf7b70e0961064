package dev.jasyncio.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jasyncio.processor.analysis.CompanionNames;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.lowering.MachineModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the companion of a class: one static factory per blueprint, and the blueprint's machine
 * as a private nested class next to it.
 */
public final class CompanionWriter {
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private final String processorName;

    public CompanionWriter(String processorName) {
        this.processorName = processorName;
    }

    public JavaFile write(TypeElement host, List<MachineModel> machines) {
        ClassName name = CompanionNames.companionOf(host);
        TypeSpec.Builder companion = TypeSpec.classBuilder(name)
                .addOriginatingElement(host)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", processorName)
                        .addMember("comments", "$S", "compiled from the @Async methods of " + host.getQualifiedName())
                        .build())
                .addModifiers(Modifier.FINAL)
                .addJavadoc("The coroutines of {@link $T}, compiled from its {@code @Async} methods.\n", ClassName.get(host))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (host.getModifiers().contains(Modifier.PUBLIC)) {
            companion.addModifiers(Modifier.PUBLIC);
        }
        List<String> suppressed = machines.stream().flatMap(m -> m.suppressedWarnings().stream()).distinct().toList();
        if (!suppressed.isEmpty()) {
            AnnotationSpec.Builder suppress = AnnotationSpec.builder(SuppressWarnings.class);
            suppressed.forEach(warning -> suppress.addMember("value", "$S", warning));
            companion.addAnnotation(suppress.build());
        }
        for (MachineModel machine : machines) {
            companion.addMethod(factory(host, machine));
            companion.addType(new MachineWriter().write(machine));
        }
        return JavaFile.builder(name.packageName(), companion.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static MethodSpec factory(TypeElement host, MachineModel machine) {
        ExecutableElement blueprint = machine.blueprint();
        List<ParameterSpec> parameters = new ArrayList<>();
        if (machine.receiver() != null) {
            parameters.add(machine.receiver());
        }
        parameters.addAll(machine.parameters());
        List<CodeBlock> arguments = parameters.stream().map(p -> CodeBlock.of("$N", p)).toList();
        MethodSpec.Builder method = MethodSpec.methodBuilder(blueprint.getSimpleName().toString())
                .addModifiers(Modifier.STATIC)
                .addTypeVariables(machine.typeVariables())
                .returns(ParameterizedTypeName.get(RuntimeApi.COROUTINE, machine.declaredResult()))
                .addParameters(parameters)
                .varargs(blueprint.isVarArgs())
                .addJavadoc("Creates, without starting it, the coroutine of {@code $L.$L}: await it, or run it with\n"
                        + "{@code EventLoop.run} or {@code createTask}.\n", host.getSimpleName(), blueprint.getSimpleName())
                .addStatement("return new $L$L($L)", machine.machineName(), machine.typeVariables().isEmpty() ? "" : "<>",
                        CodeBlock.join(arguments, ", "));
        if (blueprint.getModifiers().contains(Modifier.PUBLIC)) {
            method.addModifiers(Modifier.PUBLIC);
        }
        if (blueprint.getAnnotation(SafeVarargs.class) != null) {
            // the user vouched for the blueprint; handing its array to the machine is what javac's
            // 'varargs' lint flags, and the machine only does with it what the blueprint does
            method.addAnnotation(SafeVarargs.class).addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "varargs").build());
        }
        return method.build();
    }

    static TypeName coroutineOf(TypeName result) {
        return ParameterizedTypeName.get(RuntimeApi.COROUTINE, result);
    }
}
