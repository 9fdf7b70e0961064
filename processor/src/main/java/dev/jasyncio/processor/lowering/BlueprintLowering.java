package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterSpec;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.BodyFacts;
import dev.jasyncio.processor.analysis.LocalVariable;
import dev.jasyncio.processor.checks.Messages;
import dev.jasyncio.processor.checks.Reporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/** Lowers one validated blueprint into a {@link MachineModel}. */
public final class BlueprintLowering {
    private final Trees trees;
    private final Types types;
    private final SourceVersion sourceVersion;
    private final Reporter reporter;

    public BlueprintLowering(Trees trees, Types types, SourceVersion sourceVersion, Reporter reporter) {
        this.trees = trees;
        this.types = types;
        this.sourceVersion = sourceVersion;
        this.reporter = reporter;
    }

    /**
     * @throws LoweringAbort after reporting why the blueprint cannot be lowered
     * @throws dev.jasyncio.processor.analysis.UnresolvedTypeException if a type is not resolvable yet
     */
    public MachineModel lower(TreePath methodPath, TypeElement host, ExecutableElement blueprint, BodyFacts facts,
            String machineName) {
        LoweringContext context = new LoweringContext(trees, types, sourceVersion, reporter, methodPath, host, blueprint, facts,
                machineName);
        Splicer splicer = new Splicer(context);
        ExpressionLowering expressions = new ExpressionLowering(context, splicer);
        StatementLowering statements = new StatementLowering(context, splicer, expressions);
        MethodTree method = (MethodTree) methodPath.getLeaf();
        statements.lower(new TreePath(methodPath, method.getBody()));

        Map<VariableElement, String> parameterNames = new HashMap<>();
        for (VariableElement parameter : blueprint.getParameters()) {
            parameterNames.put(parameter, context.localName(parameter));
        }
        FactorySignature signature = FactorySignature.of(host, blueprint, context.projector, context.selfName, parameterNames);
        ParameterSpec receiver = signature.receiver();
        List<FieldSpec> fields = new ArrayList<>();
        if (receiver != null) {
            fields.add(FieldSpec.builder(receiver.type(), receiver.name(), Modifier.PRIVATE, Modifier.FINAL).build());
        }
        fields.addAll(context.fields);
        List<MachineModel.StateCode> states = new ArrayList<>();
        List<States.State> reachable = context.states.cases();
        for (int i = 0; i < reachable.size(); i++) {
            States.State state = reachable.get(i);
            States.State next = i + 1 < reachable.size() ? reachable.get(i + 1) : null;
            states.add(new MachineModel.StateCode(state.id, state.comment, context.states.code(state, next)));
        }
        String thrownName = context.names.fresh("thrown");
        CodeBlock exceptionDispatch = context.dispatch.write(reachable, thrownName);
        List<MachineModel.MemberType> memberTypes = new ArrayList<>();
        context.memberTypes.forEach((type, declaration) -> {
            if (type.getSimpleName().contentEquals(machineName)) {
                throw context.abort(String.format(Messages.LOCAL_CLASS_ACROSS_AWAIT, machineName, host.getSimpleName()),
                        context.facts.hoistedLocalTypes().get(type));
            }
            memberTypes.add(new MachineModel.MemberType(type.getSimpleName().toString(), declaration));
        });
        return new MachineModel(blueprint, machineName, signature.typeVariables(),
                context.declaredResult, context.resultType, receiver, signature.parameters(), fields, context.helpers, memberTypes,
                context.states.resumeLabel(), states, thrownName, exceptionDispatch, suppressedWarnings(blueprint, facts));
    }

    /**
     * The user's own {@code @SuppressWarnings} on the blueprint, its classes and its locals apply
     * to its machine too: the machine repeats the code they were written for. A deprecated class
     * is used by its companion without the warning javac does not give inside the class itself.
     */
    private static List<String> suppressedWarnings(Element blueprint, BodyFacts facts) {
        List<String> suppressed = new ArrayList<>();
        for (Element e = blueprint; e != null; e = e.getEnclosingElement()) {
            addSuppressions(e, suppressed);
            if (e.getAnnotation(Deprecated.class) != null) {
                addAll(suppressed, "deprecation", "removal");
            }
        }
        for (LocalVariable local : facts.locals()) {
            addSuppressions(local.element(), suppressed);
        }
        return suppressed;
    }

    private static void addSuppressions(Element element, List<String> suppressed) {
        SuppressWarnings annotation = element.getAnnotation(SuppressWarnings.class);
        if (annotation != null) {
            addAll(suppressed, annotation.value());
        }
    }

    private static void addAll(List<String> suppressed, String... warnings) {
        for (String warning : warnings) {
            if (!suppressed.contains(warning)) {
                suppressed.add(warning);
            }
        }
    }
}
