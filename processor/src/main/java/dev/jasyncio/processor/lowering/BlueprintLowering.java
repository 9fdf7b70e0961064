package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.ClassName;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.BodyFacts;
import dev.jasyncio.processor.checks.Reporter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Lowers one validated blueprint into a {@link MachineModel}. */
public final class BlueprintLowering {
    private final Trees trees;
    private final Types types;
    private final Reporter reporter;

    public BlueprintLowering(Trees trees, Types types, Reporter reporter) {
        this.trees = trees;
        this.types = types;
        this.reporter = reporter;
    }

    /**
     * @throws LoweringAbort after reporting why the blueprint cannot be lowered
     * @throws dev.jasyncio.processor.analysis.UnresolvedTypeException if a type is not resolvable yet
     */
    public MachineModel lower(TreePath methodPath, TypeElement host, ExecutableElement blueprint, BodyFacts facts,
            String machineName) {
        LoweringContext context = new LoweringContext(trees, types, reporter, methodPath, host, blueprint, facts);
        Splicer splicer = new Splicer(context);
        ExpressionLowering expressions = new ExpressionLowering(context, splicer);
        TypeMirror resultType = ((DeclaredType) blueprint.getReturnType()).getTypeArguments().get(0);
        StatementLowering statements = new StatementLowering(context, splicer, expressions, resultType);
        MethodTree method = (MethodTree) methodPath.getLeaf();
        statements.lower(new TreePath(methodPath, method.getBody()));

        List<TypeVariableName> typeVariables = new ArrayList<>();
        ParameterSpec receiver = null;
        if (!context.isStatic()) {
            List<TypeVariableName> hostVariables = new ArrayList<>();
            for (TypeParameterElement parameter : host.getTypeParameters()) {
                hostVariables.add(TypeVariableName.get(parameter));
            }
            typeVariables.addAll(hostVariables);
            TypeName hostType = hostVariables.isEmpty()
                    ? ClassName.get(host)
                    : ParameterizedTypeName.get(ClassName.get(host), hostVariables.toArray(TypeName[]::new));
            receiver = ParameterSpec.builder(hostType, context.selfName).build();
        }
        for (TypeParameterElement parameter : blueprint.getTypeParameters()) {
            typeVariables.add(TypeVariableName.get(parameter));
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        for (VariableElement parameter : blueprint.getParameters()) {
            parameters.add(ParameterSpec.builder(context.projector.project(parameter.asType()), context.localName(parameter)).build());
        }
        List<FieldSpec> fields = new ArrayList<>();
        if (receiver != null) {
            fields.add(FieldSpec.builder(receiver.type(), receiver.name(), Modifier.PRIVATE, Modifier.FINAL).build());
        }
        fields.addAll(context.fields);
        List<MachineModel.StateCode> states = new ArrayList<>();
        for (States.State state : context.states.reachableStates()) {
            states.add(new MachineModel.StateCode(state.id, state.comment, state.code.build()));
        }
        return new MachineModel(blueprint, machineName, typeVariables,
                context.projector.projectBoxed(resultType), receiver, parameters, fields, context.helpers,
                context.states.resumeLabel(), states, suppressedWarnings(blueprint));
    }

    /** The user's own {@code @SuppressWarnings} on the blueprint and its classes apply to its machine too. */
    private static List<String> suppressedWarnings(Element blueprint) {
        List<String> suppressed = new ArrayList<>();
        for (Element e = blueprint; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings annotation = e.getAnnotation(SuppressWarnings.class);
            if (annotation != null) {
                for (String value : annotation.value()) {
                    if (!suppressed.contains(value)) {
                        suppressed.add(value);
                    }
                }
            }
        }
        return suppressed;
    }
}
