package dev.jasyncio.processor;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.BodyAnalyzer;
import dev.jasyncio.processor.analysis.BodyFacts;
import dev.jasyncio.processor.analysis.ResolutionCheck;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.analysis.UnresolvedTypeException;
import dev.jasyncio.processor.checks.AwaitPlacementChecker;
import dev.jasyncio.processor.checks.BlockingCallChecker;
import dev.jasyncio.processor.checks.BlueprintValidator;
import dev.jasyncio.processor.checks.Messages;
import dev.jasyncio.processor.checks.NotAwaitedChecker;
import dev.jasyncio.processor.checks.RecordConstructorHazard;
import dev.jasyncio.processor.checks.Reporter;
import dev.jasyncio.processor.codegen.CompanionWriter;
import dev.jasyncio.processor.lowering.BlueprintLowering;
import dev.jasyncio.processor.lowering.FactorySignature;
import dev.jasyncio.processor.lowering.LoweringAbort;
import dev.jasyncio.processor.lowering.MachineModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The pipeline for one class: checks, analysis and lowering of each blueprint, then one companion
 * file. A blueprint that fails is reported and left out; the others still compile, so the user
 * sees every problem of the class in one build.
 */
final class CompanionCompiler {
    private final ProcessingEnvironment environment;
    private final Trees trees;
    private final Reporter reporter;
    private final CompanionWriter writer;
    private final RecordConstructorHazard records;
    private final Set<String> reportedRecordConstructors;

    /** @param reportedRecordConstructors kept from round to round: see {@link RecordConstructorHazard#report} */
    CompanionCompiler(ProcessingEnvironment environment, Trees trees, Reporter reporter, String processorName,
            Set<String> reportedRecordConstructors) {
        this.environment = environment;
        this.trees = trees;
        this.reporter = reporter;
        this.writer = new CompanionWriter(processorName);
        this.records = new RecordConstructorHazard(trees, SourceVersion.latest());
        this.reportedRecordConstructors = reportedRecordConstructors;
    }

    /**
     * Compiles the class's blueprints; false if its types are not resolvable yet and it must wait.
     *
     * @param forwarded null, or the blueprints (by {@link #key}) whose companion
     *     {@link #writeForwarding} wrote already: then only their machines are written
     */
    boolean compile(TypeElement host, Set<String> forwarded) {
        // one search per blueprint: Trees.getPath(element) scans the compilation unit from its root
        Map<ExecutableElement, TreePath> blueprints = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(host.getEnclosedElements())) {
            if (RuntimeApi.isBlueprint(method) && (forwarded == null || forwarded.contains(key(method)))) {
                TreePath path = trees.getPath(method);
                if (path != null) {
                    blueprints.put(method, path);
                }
            }
        }
        if (!blueprints.isEmpty()) {
            records.report(host, reporter, reportedRecordConstructors);
        }
        ResolutionCheck resolution = new ResolutionCheck(trees);
        for (TreePath path : blueprints.values()) {
            if (!resolution.isResolved(path)) {
                return false;
            }
        }
        List<MachineModel> machines = new ArrayList<>();
        List<FactorySignature> failed = new ArrayList<>();
        Map<String, Integer> machineNames = new HashMap<>();
        try {
            for (Map.Entry<ExecutableElement, TreePath> blueprint : blueprints.entrySet()) {
                MachineModel machine = compile(host, blueprint.getKey(), blueprint.getValue(),
                        machineName(blueprint.getKey(), machineNames));
                if (machine != null) {
                    machines.add(machine);
                } else if (forwarded != null) {
                    failed.add(FactorySignature.declared(host, blueprint.getKey()));
                }
            }
        } catch (UnresolvedTypeException notYet) {
            return false;
        }
        blueprints.values().forEach(this::warnAbout);
        if (forwarded != null) {
            writeFile(host, writer.writeMachines(host, machines, failed));
        } else if (!machines.isEmpty()) {
            writeFile(host, writer.write(host, machines));
        }
        return true;
    }

    /**
     * Writes the companion of a class from its blueprints' declarations, without attributing the
     * class: its valid blueprints (by {@link #key}), whose machines {@link #compile} writes in a
     * later round; null if a declaration names a type that is not resolvable yet.
     */
    Set<String> writeForwarding(TypeElement host) {
        Map<ExecutableElement, FactorySignature> declared = new LinkedHashMap<>();
        try {
            for (ExecutableElement method : ElementFilter.methodsIn(host.getEnclosedElements())) {
                if (RuntimeApi.isBlueprint(method) && isCoroutineOfOne(method)) {
                    declared.put(method, FactorySignature.declared(host, method));
                }
            }
        } catch (UnresolvedTypeException notYet) {
            return null;
        }
        List<FactorySignature> signatures = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        BlueprintValidator validator = new BlueprintValidator(trees, reporter, environment.getElementUtils(),
                environment.getTypeUtils());
        for (ExecutableElement method : ElementFilter.methodsIn(host.getEnclosedElements())) {
            TreePath path = trees.getPath(method);
            if (RuntimeApi.isBlueprint(method) && path != null && validator.validate(method, path)) {
                signatures.add(declared.get(method));
                keys.add(key(method));
            }
        }
        writeFile(host, writer.writeForwarding(host, signatures));
        return keys;
    }

    /** A declared type with one type argument, as every valid blueprint's {@code Coroutine<T>} is. */
    private static boolean isCoroutineOfOne(ExecutableElement method) {
        return method.getReturnType() instanceof DeclaredType declared && declared.getTypeArguments().size() == 1;
    }

    /** A blueprint's name and parameter types, which tell overloads apart from one round to the next. */
    static String key(ExecutableElement blueprint) {
        return blueprint.toString();
    }

    /** The warnings of a blueprint's body, given once its class is compiled (a deferred class would repeat them). */
    private void warnAbout(TreePath path) {
        new NotAwaitedChecker(trees, reporter, environment.getElementUtils(), environment.getTypeUtils())
                .checkBlueprint(path);
        new BlockingCallChecker(trees, reporter, environment.getElementUtils(), environment.getTypeUtils())
                .check(path);
    }

    private MachineModel compile(TypeElement host, ExecutableElement blueprint, TreePath path, String machineName) {
        try {
            if (!new BlueprintValidator(trees, reporter, environment.getElementUtils(), environment.getTypeUtils()).validate(blueprint, path)) {
                return null;
            }
            BodyFacts facts = new BodyAnalyzer(trees).analyze(path);
            if (!new AwaitPlacementChecker(trees, reporter).check(path, facts)) {
                return null;
            }
            return new BlueprintLowering(trees, environment.getTypeUtils(), environment.getSourceVersion(), reporter).lower(path, host, blueprint, facts, machineName);
        } catch (LoweringAbort reported) {
            return null;
        } catch (UnresolvedTypeException notYet) {
            throw notYet;
        } catch (RuntimeException bug) {
            StringWriter trace = new StringWriter();
            bug.printStackTrace(new PrintWriter(trace));
            reporter.error(String.format(Messages.INTERNAL_ERROR, trace), path);
            return null;
        }
    }

    private static String machineName(ExecutableElement blueprint, Map<String, Integer> used) {
        String name = blueprint.getSimpleName().toString();
        String base = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Machine";
        int count = used.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + count;
    }

    private void writeFile(TypeElement host, CompanionWriter.Source source) {
        try {
            JavaFileObject file = environment.getFiler().createSourceFile(source.qualifiedName(), host);
            try (Writer out = file.openWriter()) {
                out.write(source.text());
            }
        } catch (IOException e) {
            environment.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    String.format(Messages.WRITE_FAILED, source.qualifiedName(), e), host);
        }
    }

}
