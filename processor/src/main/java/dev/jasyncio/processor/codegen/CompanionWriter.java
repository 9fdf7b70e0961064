package dev.jasyncio.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jasyncio.processor.analysis.CompanionNames;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.lowering.FactorySignature;
import dev.jasyncio.processor.lowering.LineMarks;
import dev.jasyncio.processor.lowering.MachineModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the companion of a class: one static factory per blueprint, the blueprint's machine as a
 * private nested class next to it, and the line table of the machines as the companion's constants.
 *
 * <p>The line table says which blueprint line each line of a machine's {@code step()} comes from,
 * which only the formatted text knows. So the companion is rendered with placeholders for the
 * table's strings, the {@link LineTable} is read from the rendered text (removing its marks), and
 * the placeholders are replaced in place: each sits alone on one line, so no line moves.
 */
public final class CompanionWriter {
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final String INDENT = "    ";
    /**
     * The line table is constants of the companion, which javac puts into the machines' code: no
     * class of their own to compile, load or initialise.
     */
    private static final String LINE_TABLE_DOC = "Where the machines' code comes from in $L.java, for stack traces and debug reports\n"
            + "(this constant and those below). {@code _STEP}: runs of lines of {@code step()}, {@code g=b} mapping\n"
            + "line g and the lines after it to blueprint line b, {@code g=b+} to b, b+1, ..., {@code g=-} to none,\n"
            + "each up to the next run. {@code _RESUMES}: {@code label=b}, the blueprint line where each state resumes.\n";
    private static final char PLACEHOLDER = 'T';
    private static final char STEP = 'S';
    private static final char RESUMES = 'R';
    private final String processorName;

    /** A companion's source: its qualified name and its text. */
    public record Source(String qualifiedName, String text) {}

    public CompanionWriter(String processorName) {
        this.processorName = processorName;
    }

    public Source write(TypeElement host, List<MachineModel> machines) {
        return write(host, machines, CompanionNames.companionOf(host), List.of());
    }

    /**
     * The machines of a class whose companion was written earlier ({@link #writeForwarding}): the
     * class {@link CompanionNames#machinesOf} with the factories the companion forwards to. A
     * blueprint that failed to compile after its companion was written, with an error reported at
     * it, still gets a factory, which only throws: the companion calls it, and the generated code
     * must compile so that javac shows only the user's error.
     */
    public Source writeMachines(TypeElement host, List<MachineModel> machines, List<FactorySignature> failed) {
        return write(host, machines, CompanionNames.machinesOf(host), failed);
    }

    /**
     * A companion written from the blueprints' declarations alone, before their bodies are
     * attributed: its factories forward to those of {@link #writeMachines}, written a round later.
     */
    public Source writeForwarding(TypeElement host, List<FactorySignature> blueprints) {
        ClassName name = CompanionNames.companionOf(host);
        ClassName machines = CompanionNames.machinesOf(host);
        TypeSpec.Builder companion = header(host, name, "The coroutines of {@link $T}, compiled from its {@code @Async}"
                + " methods into {@link $T}.\n", ClassName.get(host), machines);
        for (FactorySignature blueprint : blueprints) {
            companion.addMethod(factory(host, blueprint, CodeBlock.of("return $T.$L($L)", machines,
                    blueprint.blueprint().getSimpleName(), arguments(blueprint))));
        }
        String text = JavaFile.builder(name.packageName(), companion.build()).skipJavaLangImports(true).indent("    ")
                .build().toString();
        return new Source(name.canonicalName(), text);
    }

    private TypeSpec.Builder header(TypeElement host, ClassName name, String javadoc, Object... javadocArguments) {
        TypeSpec.Builder companion = TypeSpec.classBuilder(name)
                .addOriginatingElement(host)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", processorName)
                        .addMember("comments", "$S", "compiled from the @Async methods of " + host.getQualifiedName())
                        .build())
                .addModifiers(Modifier.FINAL)
                .addJavadoc(javadoc, javadocArguments)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (host.getModifiers().contains(Modifier.PUBLIC) && name.equals(CompanionNames.companionOf(host))) {
            companion.addModifiers(Modifier.PUBLIC);
        }
        return companion;
    }

    private Source write(TypeElement host, List<MachineModel> machines, ClassName name, List<FactorySignature> failed) {
        TypeSpec.Builder companion = header(host, name,
                "The coroutines of {@link $T}, compiled from its {@code @Async} methods.\n", ClassName.get(host));
        List<String> suppressed = machines.stream().flatMap(m -> m.suppressedWarnings().stream()).distinct().toList();
        if (!suppressed.isEmpty()) {
            AnnotationSpec.Builder suppress = AnnotationSpec.builder(SuppressWarnings.class);
            suppressed.forEach(warning -> suppress.addMember("value", "$S", warning));
            companion.addAnnotation(suppress.build());
        }
        Set<String> constants = new HashSet<>();
        for (int i = 0; i < machines.size(); i++) {
            MachineModel machine = machines.get(i);
            String constant = constantName(machine, constants);
            MachineWriter.Lines where = new MachineWriter.Lines(i, name, constant + "_STEP", constant + "_RESUMES");
            FieldSpec.Builder step = FieldSpec.builder(String.class, where.stepConstant(), Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$L", placeholder(i, STEP));
            if (i == 0) {
                step.addJavadoc(LINE_TABLE_DOC, CompanionNames.topLevelOf(host).getSimpleName());
            }
            companion.addField(step.build());
            companion.addField(FieldSpec.builder(String.class, where.resumeConstant(), Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("$L", placeholder(i, RESUMES)).build());
            companion.addMethod(factory(host, machine.signature(), CodeBlock.of("return new $L$L($L)", machine.machineName(),
                    machine.typeVariables().isEmpty() ? "" : "<>", arguments(machine.signature()))));
            companion.addType(new MachineWriter().write(machine, where));
        }
        for (FactorySignature blueprint : failed) {
            companion.addMethod(factory(host, blueprint, CodeBlock.of("throw new $T($S)", IllegalStateException.class,
                    blueprint.blueprint().getSimpleName() + " did not compile; see the error reported at it")));
        }
        String rendered = JavaFile.builder(name.packageName(), companion.build())
                .skipJavaLangImports(true)
                .indent(INDENT)
                .build()
                .toString();
        LineTable lineTable = LineTable.read(withMemberTypes(rendered, machines));
        return new Source(name.canonicalName(), fillIn(lineTable.text(), lineTable.machines()));
    }

    /**
     * The rendered text with each machine's member types in place of their placeholder methods:
     * each method's body, one level less indented, without its first line (the placeholder).
     */
    private static String withMemberTypes(String rendered, List<MachineModel> machines) {
        String text = rendered;
        for (int m = 0; m < machines.size(); m++) {
            for (int i = 0; i < machines.get(m).memberTypes().size(); i++) {
                int mark = text.indexOf(MachineWriter.memberTypePlaceholder(m, i));
                int bodyStart = text.indexOf('\n', mark) + 1;
                int headerStart = text.lastIndexOf('\n', text.lastIndexOf('\n', mark) - 1) + 1;
                String indent = text.substring(headerStart, headerStart + (int) text.substring(headerStart, mark).chars()
                        .takeWhile(c -> c == ' ').count());
                int closing = text.indexOf("\n" + indent + "}\n", bodyStart);
                StringBuilder declaration = new StringBuilder();
                text.substring(bodyStart, closing + 1).lines()
                        .forEach(line -> declaration.append(line.startsWith(INDENT) ? line.substring(INDENT.length()) : line)
                                .append('\n'));
                text = text.substring(0, headerStart) + declaration + text.substring(closing + indent.length() + 3);
            }
        }
        return text;
    }

    /** The text with each placeholder replaced by its string of the line table, in one pass. */
    private static String fillIn(String text, List<LineTable.Machine> machines) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int at = text.indexOf(LineMarks.MARK); at >= 0; at = text.indexOf(LineMarks.MARK, at + 1)) {
            int end = at + 2;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end == at + 2 || end == text.length() || text.charAt(at + 1) != PLACEHOLDER
                    || text.charAt(end) != STEP && text.charAt(end) != RESUMES) {
                continue;
            }
            LineTable.Machine machine = machines.get(Integer.parseInt(text.substring(at + 2, end)));
            out.append(text, copied, at).append('"')
                    .append(text.charAt(end) == STEP ? machine.stepLines() : machine.resumeLines()).append('"');
            copied = end + 1;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Stands for a string of the line table until the table is known; never in the written file. */
    private static String placeholder(int machine, char kind) {
        return String.valueOf(LineMarks.MARK) + PLACEHOLDER + machine + kind;
    }

    /** The blueprint's name in constant case ({@code fetchAll -> FETCH_ALL}), numbered if an overload took it. */
    private static String constantName(MachineModel machine, Set<String> taken) {
        String base = machine.blueprint().getSimpleName().toString().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    private static CodeBlock arguments(FactorySignature signature) {
        List<CodeBlock> arguments = new ArrayList<>();
        if (signature.receiver() != null) {
            arguments.add(CodeBlock.of("$N", signature.receiver()));
        }
        signature.parameters().forEach(p -> arguments.add(CodeBlock.of("$N", p)));
        return CodeBlock.join(arguments, ", ");
    }

    private static MethodSpec factory(TypeElement host, FactorySignature signature, CodeBlock statement) {
        ExecutableElement blueprint = signature.blueprint();
        List<ParameterSpec> parameters = new ArrayList<>();
        if (signature.receiver() != null) {
            parameters.add(signature.receiver());
        }
        parameters.addAll(signature.parameters());
        MethodSpec.Builder method = MethodSpec.methodBuilder(blueprint.getSimpleName().toString())
                .addModifiers(Modifier.STATIC)
                .addTypeVariables(signature.typeVariables())
                .returns(ParameterizedTypeName.get(RuntimeApi.COROUTINE, signature.declaredResult()))
                .addParameters(parameters)
                .varargs(blueprint.isVarArgs())
                .addJavadoc("Creates, without starting it, the coroutine of {@code $L.$L}: await it, or run it with\n"
                        + "{@code EventLoop.run} or {@code createTask}.\n", host.getSimpleName(), blueprint.getSimpleName())
                .addStatement(statement);
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
