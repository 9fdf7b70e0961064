package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import static dev.jasyncio.processor.lowering.LoweringContext.child;

import dev.jasyncio.processor.analysis.Assignments;
import dev.jasyncio.processor.analysis.LocalVariable;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.checks.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Lowers an expression that contains awaits into statements of the current states plus a
 * {@link Value} for what is left. Java evaluates operands left to right; an operand evaluated
 * before an await is saved in a temp before the machine suspends, so it keeps its value.
 */
final class ExpressionLowering {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private final LoweringContext context;
    private final Splicer splicer;
    private SwitchLowering switches;

    ExpressionLowering(LoweringContext context, Splicer splicer) {
        this.context = context;
        this.splicer = splicer;
    }

    void lowerSwitchesWith(SwitchLowering lowering) {
        this.switches = lowering;
    }

    Value lower(TreePath path) {
        Tree tree = path.getLeaf();
        if (!context.facts.suspends(tree)) {
            return new Value(splicer.splice(path), isStable(path), isAtomic(tree));
        }
        if (tree instanceof ParenthesizedTree parenthesized) {
            Value inner = lower(child(path, parenthesized.getExpression()));
            return new Value(CodeBlock.of("($L)", inner.code()), inner.stable(), true);
        }
        if (tree instanceof MethodInvocationTree) {
            return invocation(path);
        }
        if (tree instanceof AssignmentTree) {
            return assignment(path);
        }
        if (tree instanceof CompoundAssignmentTree) {
            return compoundAssignment(path);
        }
        if (tree instanceof BinaryTree binary) {
            return switch (tree.getKind()) {
                case CONDITIONAL_AND, CONDITIONAL_OR -> context.facts.suspends(binary.getRightOperand())
                        ? shortCircuit(path) : binary(path);
                default -> binary(path);
            };
        }
        if (tree instanceof ConditionalExpressionTree) {
            return conditional(path);
        }
        if (tree instanceof UnaryTree) {
            return unary(path);
        }
        if (tree instanceof ArrayAccessTree access) {
            List<Value> parts = evaluateInOrder(List.of(child(path, access.getExpression()), child(path, access.getIndex())));
            return Value.atomic(CodeBlock.of("$L[$L]", parts.get(0).operand(), parts.get(1).code()));
        }
        if (tree instanceof MemberSelectTree select) {
            Value target = lower(child(path, select.getExpression()));
            return Value.atomic(CodeBlock.of("$L.$L", target.operand(), select.getIdentifier()));
        }
        if (tree instanceof TypeCastTree cast) {
            TreePath operandPath = child(path, cast.getExpression());
            Value operand = lower(operandPath);
            TypeName from = context.projector.project(context.trees.getTypeMirror(operandPath));
            if (from.equals(context.projector.project(context.trees.getTypeMirror(path)))) {
                // the cast converted a type the machine does not name (a captured wildcard) to its
                // bound; on the projected type it is an identity, which javac flags as redundant
                return new Value(operand.code(), operand.stable(), operand.atomic());
            }
            return Value.of(CodeBlock.of("($L) $L", splicer.splice(child(path, cast.getType())), operand.operand()));
        }
        if (tree instanceof InstanceOfTree instanceOf) {
            return instanceOf(path, instanceOf);
        }
        if (tree instanceof NewClassTree newClass) {
            return newClass.getClassBody() == null ? newInstance(path, newClass) : anonymousInstance(path, newClass);
        }
        if (tree instanceof MemberReferenceTree reference) {
            Value target = lower(child(path, reference.getQualifierExpression()));
            return Value.of(splicer.spliceWith(path, Map.of(reference.getQualifierExpression(), target.operand())));
        }
        if (tree instanceof NewArrayTree newArray) {
            return newArray(path, newArray);
        }
        if (tree.getKind() == Tree.Kind.SWITCH_EXPRESSION) {
            return switches.expression(path);
        }
        // every expression that can hold an await is handled above; this guards tree kinds a later javac may add
        throw context.abort(String.format(Messages.AWAIT_UNSUPPORTED,
                "this kind of expression (" + tree.getKind().toString().toLowerCase(java.util.Locale.ROOT) + ")"), path);
    }

    /** A condition of a statement; its temps are released before the statement branches. */
    Value condition(TreePath path) {
        if (path.getLeaf() instanceof ParenthesizedTree parenthesized) {
            return condition(child(path, parenthesized.getExpression()));
        }
        return beforeBranch(lower(path), "test");
    }

    /**
     * A value that a statement branches on, after which its temps end: the branch leaves the
     * state, so the temps are released first, and a value that reads one of them is kept in a
     * local of the state.
     */
    Value beforeBranch(Value value, String name) {
        if (!context.temps.holdsReferences()) {
            context.temps.release();
            return value;
        }
        String local = context.names.fresh(name);
        context.states.emit("var $L = $L;\n", local, value.code());
        context.temps.release();
        return new Value(CodeBlock.of("$L", local), true, true);
    }

    /**
     * Stops at an await: stores the resume point, suspends unless the awaitable is already done,
     * and continues in a new state whose value is the await's outcome.
     */
    Value awaitPoint(Value awaitable, Tree at, TypeName resultType) {
        States.State resume = context.states.add(context.describe(at, "resumes after " + summary(at)));
        context.states.emit("label = $L;\n", resume.id);
        CodeBlock.Builder clears = CodeBlock.builder();
        for (LocalVariable dead : context.facts.deadAt(at, context.fieldLocals)) {
            clears.add("$L = null;\n", context.localName(dead.element()));
        }
        context.states.emit("if (awaitSuspends($L)) {\n$>$Lreturn SUSPENDED;\n$<}\n", awaitable.code(), clears.build());
        context.states.continueAt(resume);
        context.states.enter(resume);
        return Value.atomic(CodeBlock.of("this.<$T>resumeValue()", resultType));
    }

    /** The tree's source on one line, shortened, for the comments of states. */
    String summary(Tree tree) {
        String text = WHITESPACE.matcher(context.text(tree)).replaceAll(" ");
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** Lowers operands in evaluation order, saving earlier ones when a later one suspends. */
    List<Value> evaluateInOrder(List<TreePath> operands) {
        return evaluateInOrder(operands, Collections.nCopies(operands.size(), null));
    }

    /**
     * {@link #evaluateInOrder(List)} where some operands are converted to a primitive type when
     * used ({@code conversions}, null where not): Java unboxes such an operand as soon as it is
     * evaluated, so a null must fail before a later await, and the saved value is the primitive.
     */
    List<Value> evaluateInOrder(List<TreePath> operands, List<TypeMirror> conversions) {
        List<Value> values = new ArrayList<>();
        for (TreePath operand : operands) {
            if (context.facts.suspends(operand.getLeaf())) {
                for (int i = 0; i < values.size(); i++) {
                    values.set(i, saveConverted(values.get(i), operands.get(i), conversions.get(i)));
                }
            }
            values.add(lower(operand));
        }
        return values;
    }

    private Value saveConverted(Value value, TreePath operand, TypeMirror conversion) {
        TypeMirror type = context.trees.getTypeMirror(operand);
        if (conversion == null || !conversion.getKind().isPrimitive() || type.getKind().isPrimitive()) {
            return save(value, operand);
        }
        String temp = context.temps.acquire(context.projector.project(conversion));
        context.states.emit("$L = $L;\n", temp, value.code());
        return new Value(CodeBlock.of("$L", temp), true, true);
    }

    /** Evaluates a value now into a temp, unless reading it later is the same. */
    Value save(Value value, TreePath typedBy) {
        if (value.stable()) {
            return value;
        }
        TypeMirror mirror = context.trees.getTypeMirror(typedBy);
        if (!context.projector.isDenotable(mirror)) {
            throw context.abort(Messages.NON_DENOTABLE_OPERAND, typedBy);
        }
        String temp = context.temps.acquire(context.projector.project(mirror));
        context.states.emit("$L = $L;\n", temp, value.code());
        return new Value(CodeBlock.of("$L", temp), true, true);
    }

    private Value invocation(TreePath path) {
        MethodInvocationTree invocation = (MethodInvocationTree) path.getLeaf();
        Element element = context.trees.getElement(path);
        if (RuntimeApi.isAwait(element)) {
            Value awaitable = lower(child(path, invocation.getArguments().get(0)));
            return awaitPoint(awaitable, invocation, context.projector.projectBoxed(context.trees.getTypeMirror(path)));
        }
        ExecutableElement method = (ExecutableElement) element;
        TreePath selectPath = child(path, invocation.getMethodSelect());
        List<TreePath> operands = new ArrayList<>();
        MemberSelectTree select = invocation.getMethodSelect() instanceof MemberSelectTree m ? m : null;
        boolean valueReceiver = select != null && isValue(child(selectPath, select.getExpression()));
        if (valueReceiver) {
            operands.add(child(selectPath, select.getExpression()));
        }
        List<TypeMirror> conversions = new ArrayList<>();
        if (valueReceiver) {
            conversions.add(null);
        }
        List<? extends VariableElement> parameters = method.getParameters();
        for (int i = 0; i < invocation.getArguments().size(); i++) {
            operands.add(child(path, invocation.getArguments().get(i)));
            // a primitive parameter unboxes its argument; varargs elements are left alone
            conversions.add(i < parameters.size() && !(method.isVarArgs() && i == parameters.size() - 1)
                    ? parameters.get(i).asType() : null);
        }
        List<Value> values = evaluateInOrder(operands, conversions);
        List<CodeBlock> arguments = new ArrayList<>();
        for (Value value : values.subList(valueReceiver ? 1 : 0, values.size())) {
            arguments.add(value.code());
        }
        CodeBlock argumentList = CodeBlock.join(arguments, ", ");
        if (RuntimeApi.isBlueprint(method)) {
            CodeBlock receiver = null;
            if (!method.getModifiers().contains(Modifier.STATIC)) {
                receiver = valueReceiver ? values.get(0).code() : context.access.instanceReceiver(method, path);
            }
            return Value.atomic(BlueprintCalls.companionCall(method, receiver, arguments));
        }
        CodeBlock typeArguments = typeArguments(path, invocation);
        if (valueReceiver) {
            return Value.atomic(CodeBlock.of("$L.$L$L($L)", values.get(0).operand(), typeArguments,
                    select.getIdentifier(), argumentList));
        }
        return Value.atomic(CodeBlock.of("$L($L)", splicer.splice(selectPath), argumentList));
    }

    private CodeBlock typeArguments(TreePath path, MethodInvocationTree invocation) {
        if (invocation.getTypeArguments().isEmpty()) {
            return CodeBlock.of("");
        }
        List<CodeBlock> arguments = new ArrayList<>();
        for (Tree argument : invocation.getTypeArguments()) {
            arguments.add(splicer.splice(child(path, argument)));
        }
        return CodeBlock.of("<$L>", CodeBlock.join(arguments, ", "));
    }

    private Value assignment(TreePath path) {
        AssignmentTree assignment = (AssignmentTree) path.getLeaf();
        TreePath target = variable(child(path, assignment.getVariable()));
        TreePath source = child(path, assignment.getExpression());
        List<TreePath> places = placeOperands(target);
        List<TreePath> operands = new ArrayList<>(places);
        operands.add(source);
        List<Value> values = evaluateInOrder(operands);
        CodeBlock place = place(target, values.subList(0, places.size()));
        return Value.of(CodeBlock.of("$L = $L", place, values.get(values.size() - 1).code()));
    }

    private Value compoundAssignment(TreePath path) {
        CompoundAssignmentTree assignment = (CompoundAssignmentTree) path.getLeaf();
        TreePath target = variable(child(path, assignment.getVariable()));
        TreePath source = child(path, assignment.getExpression());
        String operator = Operators.symbol(path.getLeaf().getKind());
        Element element = context.trees.getElement(target);
        TypeMirror targetType = context.trees.getTypeMirror(target);
        TypeMirror sourceType = context.trees.getTypeMirror(source);
        // javac unboxes the old value when it reads it, so a null fails before the right side runs
        TypeMirror unboxed = path.getLeaf().getKind() == Tree.Kind.PLUS_ASSIGNMENT && isString(targetType)
                ? null : unboxedType(targetType);
        if (target.getLeaf() instanceof IdentifierTree && context.localName(element) != null && unboxed == null
                && !writes(source, element)) {
            // only this coroutine writes its locals, so reading the local after the await is the same
            Value value = lower(source);
            return Value.of(CodeBlock.of("$L $L= $L", context.localName(element), operator, value.code()));
        }
        List<TreePath> placeOperands = placeOperands(target);
        List<Value> saved = new ArrayList<>();
        for (TreePath operand : placeOperands) {
            saved.add(save(lower(operand), operand));
        }
        CodeBlock place = place(target, saved);
        Value old = saveConverted(Value.of(place), target, unboxed);
        Value value = lower(source);
        CodeBlock combined = CodeBlock.of("$L $L $L", old.code(), operator, Value.of(value.code()).operand());
        TypeName cast = Operators.compoundCast(path.getLeaf().getKind(), targetType, sourceType, context.types);
        return Value.of(cast == null
                ? CodeBlock.of("$L = $L", place, combined)
                : CodeBlock.of("$L = ($T) ($L)", place, cast, combined));
    }

    /** The subexpressions that locate a variable: the object of a field, the array and index of an element. */
    private List<TreePath> placeOperands(TreePath target) {
        Tree tree = target.getLeaf();
        if (tree instanceof ArrayAccessTree access) {
            return List.of(child(target, access.getExpression()), child(target, access.getIndex()));
        }
        if (tree instanceof MemberSelectTree select && isValue(child(target, select.getExpression()))) {
            return List.of(child(target, select.getExpression()));
        }
        return List.of();
    }

    /** The variable an assignment writes, without the parentheses Java allows around it: {@code (a[i]) += x}. */
    private static TreePath variable(TreePath target) {
        TreePath variable = target;
        while (variable.getLeaf() instanceof ParenthesizedTree parenthesized) {
            variable = child(variable, parenthesized.getExpression());
        }
        return variable;
    }

    private CodeBlock place(TreePath target, List<Value> operands) {
        Tree tree = target.getLeaf();
        if (tree instanceof ArrayAccessTree) {
            return CodeBlock.of("$L[$L]", operands.get(0).operand(), operands.get(1).code());
        }
        if (tree instanceof MemberSelectTree select && !operands.isEmpty()) {
            return CodeBlock.of("$L.$L", operands.get(0).operand(), select.getIdentifier());
        }
        return splicer.splice(target);
    }

    private boolean writes(TreePath source, Element local) {
        ExpressionTree rootTarget = Assignments.target(source.getLeaf());
        boolean[] found = {rootTarget != null && local.equals(context.trees.getElement(new TreePath(source, rootTarget)))};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                ExpressionTree written = Assignments.target(tree);
                if (written != null && local.equals(context.trees.getElement(
                        new TreePath(new TreePath(getCurrentPath(), tree), written)))) {
                    found[0] = true;
                }
                return super.scan(tree, null);
            }
        }.scan(source, null);
        return found[0];
    }

    private Value binary(TreePath path) {
        BinaryTree binary = (BinaryTree) path.getLeaf();
        TreePath left = child(path, binary.getLeftOperand());
        TreePath right = child(path, binary.getRightOperand());
        List<Value> values = evaluateInOrder(List.of(left, right), Arrays.asList(unboxedBy(binary, left, right), null));
        return Value.of(CodeBlock.of("$L $L $L", values.get(0).operand(), Operators.symbol(binary.getKind()),
                values.get(1).operand()));
    }

    /**
     * The primitive type a binary operator unboxes its left operand to, or null if it does not:
     * numeric and boolean operators do, string concatenation and reference comparison do not.
     */
    private TypeMirror unboxedBy(BinaryTree binary, TreePath left, TreePath right) {
        TypeMirror leftType = context.trees.getTypeMirror(left);
        TypeMirror rightType = context.trees.getTypeMirror(right);
        TypeMirror unboxed = unboxedType(leftType);
        if (unboxed == null) {
            return null;
        }
        boolean concatenation = binary.getKind() == Tree.Kind.PLUS
                && (isString(leftType) || isString(rightType));
        boolean referenceComparison = (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)
                && !rightType.getKind().isPrimitive();
        return concatenation || referenceComparison ? null : unboxed;
    }

    private TypeMirror unboxedType(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        try {
            return context.types.unboxedType(type);
        } catch (IllegalArgumentException notABox) {
            return null;
        }
    }

    private static boolean isString(TypeMirror type) {
        return type.toString().equals("java.lang.String");
    }

    /** {@code a && await(b)}: b is evaluated, and awaited, only when a leaves the result open. */
    private Value shortCircuit(TreePath path) {
        BinaryTree binary = (BinaryTree) path.getLeaf();
        Value left = lower(child(path, binary.getLeftOperand()));
        String result = context.temps.acquire(TypeName.BOOLEAN);
        context.states.emit("$L = $L;\n", result, left.code());
        States.State decided = context.states.add(context.describe(binary, "after " + summary(binary)));
        String test = binary.getKind() == Tree.Kind.CONDITIONAL_AND ? "!" + result : result;
        context.states.jumpWhen(test, decided);
        Value right = lower(child(path, binary.getRightOperand()));
        context.states.emit("$L = $L;\n", result, right.code());
        context.states.jump(decided);
        context.states.enter(decided);
        return new Value(CodeBlock.of("$L", result), true, true);
    }

    private Value conditional(TreePath path) {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) path.getLeaf();
        TreePath whenTrue = child(path, conditional.getTrueExpression());
        TreePath whenFalse = child(path, conditional.getFalseExpression());
        if (!context.facts.suspends(whenTrue.getLeaf()) && !context.facts.suspends(whenFalse.getLeaf())) {
            Value test = lower(child(path, conditional.getCondition()));
            return Value.of(CodeBlock.of("$L ? $L : $L", test.operand(), lower(whenTrue).operand(), lower(whenFalse).operand()));
        }
        Value test = lower(child(path, conditional.getCondition()));
        String result = context.temps.acquire(context.projector.project(context.trees.getTypeMirror(path)));
        States.State otherwise = context.states.add(context.describe(conditional.getFalseExpression(), "else branch of ?:"));
        States.State after = context.states.add(context.describe(conditional, "after ?:"));
        context.states.jumpWhen(test.negated(), otherwise);
        context.states.emit("$L = $L;\n", result, lower(whenTrue).code());
        context.states.jump(after);
        context.states.enter(otherwise);
        context.states.emit("$L = $L;\n", result, lower(whenFalse).code());
        context.states.jump(after);
        context.states.enter(after);
        return new Value(CodeBlock.of("$L", result), true, true);
    }

    private Value unary(TreePath path) {
        UnaryTree unary = (UnaryTree) path.getLeaf();
        TreePath operandPath = child(path, unary.getExpression());
        switch (unary.getKind()) {
            case POSTFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_INCREMENT, PREFIX_DECREMENT: {
                TreePath variable = variable(operandPath);
                CodeBlock place = place(variable, evaluateInOrder(placeOperands(variable)));
                boolean postfix = unary.getKind() == Tree.Kind.POSTFIX_INCREMENT || unary.getKind() == Tree.Kind.POSTFIX_DECREMENT;
                String symbol = Operators.symbol(unary.getKind());
                return Value.of(postfix ? CodeBlock.of("$L$L", place, symbol) : CodeBlock.of("$L$L", symbol, place));
            }
            default: {
                Value operand = lower(operandPath);
                return Value.of(CodeBlock.of("$L$L", Operators.symbol(unary.getKind()), operand.operand()));
            }
        }
    }

    private Value instanceOf(TreePath path, InstanceOfTree instanceOf) {
        Value operand = lower(child(path, instanceOf.getExpression()));
        return Value.of(splicer.instanceOfTest(path, operand.operand()));
    }

    private Value newInstance(TreePath path, NewClassTree newClass) {
        List<TreePath> operands = new ArrayList<>();
        if (newClass.getEnclosingExpression() != null) {
            operands.add(child(path, newClass.getEnclosingExpression()));
        }
        for (ExpressionTree argument : newClass.getArguments()) {
            operands.add(child(path, argument));
        }
        List<Value> values = evaluateInOrder(operands);
        int first = newClass.getEnclosingExpression() != null ? 1 : 0;
        List<CodeBlock> arguments = new ArrayList<>();
        for (Value value : values.subList(first, values.size())) {
            arguments.add(value.code());
        }
        CodeBlock created = CodeBlock.of("new $L($L)", splicer.splice(child(path, newClass.getIdentifier())),
                CodeBlock.join(arguments, ", "));
        if (first == 1) {
            return Value.atomic(CodeBlock.of("$L.$L", values.get(0).operand(), created));
        }
        CodeBlock enclosing = splicer.implicitEnclosingInstance(path);
        return Value.atomic(enclosing != null ? CodeBlock.of("$L.$L", enclosing, created) : created);
    }

    /**
     * {@code new Base(args) { body }}: the arguments (and an explicit outer instance) are evaluated
     * in order, with their awaits, before the class body is written as the splicer writes any
     * anonymous class.
     */
    private Value anonymousInstance(TreePath path, NewClassTree newClass) {
        List<ExpressionTree> operands = new ArrayList<>();
        if (newClass.getEnclosingExpression() != null) {
            operands.add(newClass.getEnclosingExpression());
        }
        operands.addAll(newClass.getArguments());
        List<Value> values = evaluateInOrder(operands.stream().map(operand -> child(path, operand)).toList());
        Map<Tree, CodeBlock> lowered = new IdentityHashMap<>();
        for (int i = 0; i < operands.size(); i++) {
            lowered.put(operands.get(i), operands.get(i) == newClass.getEnclosingExpression()
                    ? values.get(i).operand() : values.get(i).code());
        }
        return Value.atomic(splicer.spliceWith(path, lowered));
    }

    private Value newArray(TreePath path, NewArrayTree newArray) {
        TypeMirror arrayType = context.trees.getTypeMirror(path);
        if (newArray.getInitializers() != null) {
            List<TreePath> operands = new ArrayList<>();
            for (ExpressionTree initializer : newArray.getInitializers()) {
                operands.add(child(path, initializer));
            }
            List<CodeBlock> elements = evaluateInOrder(operands).stream().map(Value::code).toList();
            return Value.atomic(CodeBlock.of("new $T { $L }", context.projector.project(arrayType), CodeBlock.join(elements, ", ")));
        }
        List<TreePath> operands = new ArrayList<>();
        for (ExpressionTree dimension : newArray.getDimensions()) {
            operands.add(child(path, dimension));
        }
        CodeBlock.Builder code = CodeBlock.builder().add("new $L", splicer.splice(child(path, newArray.getType())));
        for (Value dimension : evaluateInOrder(operands)) {
            code.add("[$L]", dimension.code());
        }
        int depth = 0;
        for (TypeMirror t = arrayType; t.getKind() == TypeKind.ARRAY; t = ((ArrayType) t).getComponentType()) {
            depth++;
        }
        for (int i = newArray.getDimensions().size(); i < depth; i++) {
            code.add("[]");
        }
        return Value.atomic(code.build());
    }

    private boolean isValue(TreePath path) {
        Element element = context.trees.getElement(path);
        return !(element instanceof TypeElement) && !(element instanceof PackageElement);
    }

    private boolean isStable(TreePath path) {
        Tree tree = path.getLeaf();
        if (tree instanceof LiteralTree) {
            return true;
        }
        if (tree instanceof ParenthesizedTree parenthesized) {
            return isStable(child(path, parenthesized.getExpression()));
        }
        if (tree instanceof IdentifierTree identifier) {
            if (identifier.getName().contentEquals("this")) {
                return true;
            }
            Element element = context.trees.getElement(path);
            LocalVariable local = context.facts.local(element);
            if (local != null) {
                return local.isEffectivelyFinal();
            }
            return element instanceof VariableElement variable && variable.getConstantValue() != null;
        }
        if (tree instanceof MemberSelectTree select) {
            Element element = context.trees.getElement(path);
            return select.getIdentifier().contentEquals("class")
                    || element instanceof VariableElement variable && variable.getConstantValue() != null;
        }
        return false;
    }

    private static boolean isAtomic(Tree tree) {
        return switch (tree.getKind()) {
            case IDENTIFIER, MEMBER_SELECT, METHOD_INVOCATION, PARENTHESIZED, ARRAY_ACCESS, NEW_CLASS -> true;
            default -> tree instanceof LiteralTree;
        };
    }
}
