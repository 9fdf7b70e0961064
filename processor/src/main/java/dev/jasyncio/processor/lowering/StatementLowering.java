package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import static dev.jasyncio.processor.lowering.LoweringContext.child;

import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.checks.Messages;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Lowers the statements of a blueprint into states. A statement without a suspension point is
 * written as the user wrote it (through the {@link Splicer}); one with a suspension point is taken
 * apart into states joined by jumps, recursively.
 */
final class StatementLowering {
    private final LoweringContext context;
    private final Splicer splicer;
    private final ExpressionLowering expressions;
    private final TryLowering tries;
    private final SwitchLowering switches;

    StatementLowering(LoweringContext context, Splicer splicer, ExpressionLowering expressions) {
        this.context = context;
        this.splicer = splicer;
        this.expressions = expressions;
        this.tries = new TryLowering(context, this::lower, expressions);
        this.switches = new SwitchLowering(context, this::lower, expressions, splicer);
        // a switch expression holds statements: expressions lower them through this class
        expressions.lowerSwitchesWith(switches);
    }

    void lower(TreePath path) {
        if (!context.states.reachable()) {
            return;
        }
        Tree tree = path.getLeaf();
        long enclosingLine = context.states.line();
        context.states.statementAt(context.lineOf(tree), !(tree instanceof VariableTree) && !context.facts.suspends(tree));
        lowerStatement(path, tree);
        context.states.line(enclosingLine);
    }

    private void lowerStatement(TreePath path, Tree tree) {
        if (tree instanceof VariableTree) {
            declaration(path);
            return;
        }
        if (!context.facts.suspends(tree)) {
            CodeBlock code = splicer.splice(path);
            if (code.isEmpty()) {
                // a local type the machine declares as its member
                return;
            }
            context.states.emit("$L\n", code);
            if (!context.completion.canCompleteNormally(path)) {
                context.states.terminate();
            }
            return;
        }
        switch (tree.getKind()) {
            case BLOCK -> {
                for (StatementTree statement : ((BlockTree) tree).getStatements()) {
                    lower(child(path, statement));
                }
            }
            case EXPRESSION_STATEMENT -> {
                Value value = expressions.lower(child(path, ((ExpressionStatementTree) tree).getExpression()));
                context.states.emit("$L;\n", value.code());
                context.temps.release();
            }
            case RETURN -> returnStatement(path, (ReturnTree) tree);
            case THROW -> {
                Value value = expressions.lower(child(path, ((ThrowTree) tree).getExpression()));
                context.states.emit("throw $L;\n", value.code());
                context.states.terminate();
            }
            case IF -> ifStatement(path, (IfTree) tree);
            case ASSERT -> assertStatement(path, (AssertTree) tree);
            case WHILE_LOOP -> whileLoop(path, (WhileLoopTree) tree, null);
            case DO_WHILE_LOOP -> doWhileLoop(path, (DoWhileLoopTree) tree, null);
            case FOR_LOOP -> forLoop(path, (ForLoopTree) tree, null);
            case ENHANCED_FOR_LOOP -> enhancedFor(path, (EnhancedForLoopTree) tree, null);
            case LABELED_STATEMENT -> labeled(path, (LabeledStatementTree) tree);
            case TRY -> tries.lower(path, (TryTree) tree);
            case SWITCH -> switches.statement(path, (SwitchTree) tree);
            case YIELD -> {
                Value value = expressions.lower(child(path, ((YieldTree) tree).getValue()));
                context.states.emit(context.exits.yield(value.code()));
                context.states.terminate();
            }
            // every statement that can hold an await is handled above; this guards tree kinds a later javac may add
            default -> throw context.abort(String.format(Messages.AWAIT_UNSUPPORTED, "this kind of statement ("
                    + tree.getKind().toString().toLowerCase(java.util.Locale.ROOT) + ")"), path);
        }
    }

    private void declaration(TreePath path) {
        VariableTree variable = (VariableTree) path.getLeaf();
        Element element = context.trees.getElement(path);
        String name = context.declareStateLocal(element);
        ExpressionTree initializer = variable.getInitializer();
        Value value = initializer == null ? null : expressions.lower(child(path, initializer));
        if (context.isField(element)) {
            if (value != null) {
                // `int[] a = {1, 2}` is only legal in a declaration; a field assignment needs `new int[] {1, 2}`
                // (a suspending initializer is already lowered to that form)
                boolean shorthandArray = initializer instanceof NewArrayTree array && array.getType() == null
                        && !context.facts.suspends(initializer);
                CodeBlock assigned = shorthandArray
                        ? CodeBlock.of("new $T $L", context.projector.project(element.asType()), value.code())
                        : value.code();
                context.states.emit("$L = $L;\n", name, assigned);
            }
        } else {
            CodeBlock modifiers = variable.getModifiers().getFlags().isEmpty() && variable.getModifiers().getAnnotations().isEmpty()
                    ? CodeBlock.of("")
                    : CodeBlock.of("$L ", splicer.splice(child(path, variable.getModifiers())));
            CodeBlock type = isVar(variable)
                    ? CodeBlock.of("var")
                    : CodeBlock.of("$T", context.projector.project(element.asType()));
            context.states.emit(value == null ? CodeBlock.of("$L$L $L;\n", modifiers, type, name)
                    : CodeBlock.of("$L$L $L = $L;\n", modifiers, type, name, value.code()));
        }
        context.temps.release();
    }

    /**
     * javac 25 gives the local of a {@code var} whose type is not denotable a type tree of its own
     * making, with a start but no end; javac 17 gives none, or one without a start.
     */
    private boolean isVar(VariableTree variable) {
        Tree type = variable.getType();
        return type == null || context.start(type) < 0 || context.end(type) < 0 || context.text(type).equals("var");
    }

    private void returnStatement(TreePath path, ReturnTree tree) {
        ExpressionTree expression = tree.getExpression();
        TreePath expressionPath = child(path, expression);
        if (expression instanceof MethodInvocationTree done && RuntimeApi.isDone(context.trees.getElement(expressionPath))) {
            Value value = expressions.lower(child(expressionPath, done.getArguments().get(0)));
            context.states.emit(context.exits.returnWith(value.code()));
        } else {
            // returning another coroutine hands over to it: the result is that coroutine's result
            Value coroutine = expressions.lower(expressionPath);
            Value result = expressions.awaitPoint(coroutine, tree, context.resultType);
            context.states.emit(context.exits.returnWith(result.code()));
        }
        context.states.terminate();
    }

    private void ifStatement(TreePath path, IfTree tree) {
        Value test = expressions.condition(child(path, tree.getCondition()));
        States.State after = context.states.add(context.describe(tree, "after the if"));
        States.State otherwise = tree.getElseStatement() == null
                ? after
                : context.states.add(context.describe(tree.getElseStatement(), "else branch"));
        context.states.jumpWhen(test.negated(), otherwise);
        lower(child(path, tree.getThenStatement()));
        jumpIfReachable(after);
        if (tree.getElseStatement() != null) {
            context.states.enter(otherwise);
            lower(child(path, tree.getElseStatement()));
            jumpIfReachable(after);
        }
        context.states.enter(after);
    }

    /** An assert evaluates its condition only when asserts are enabled, and its detail only when the condition fails. */
    private void assertStatement(TreePath path, AssertTree tree) {
        States.State after = context.states.add(context.describe(tree, "after the assert"));
        context.states.jumpWhen("!" + context.assertionsEnabled(), after);
        Value test = expressions.condition(child(path, tree.getCondition()));
        context.states.jumpWhen(test.code(), after);
        Value detail = tree.getDetail() == null ? null : expressions.lower(child(path, tree.getDetail()));
        context.states.emit("throw new $T($L);\n", AssertionError.class, detail == null ? "" : detail.code());
        context.temps.release();
        context.states.terminate();
        context.states.enter(after);
    }

    private void whileLoop(TreePath path, WhileLoopTree tree, String label) {
        States.State head = context.states.add(context.describe(tree, "loop condition"));
        States.State exit = context.states.add(context.describe(tree, "after the loop"));
        context.states.jump(head);
        context.states.enter(head);
        testOrExit(child(path, tree.getCondition()), exit);
        context.jumps.pushLoop(label, exit, head);
        lower(child(path, tree.getStatement()));
        context.jumps.pop();
        jumpIfReachable(head);
        context.states.enter(exit);
    }

    private void doWhileLoop(TreePath path, DoWhileLoopTree tree, String label) {
        States.State body = context.states.add(context.describe(tree, "loop body"));
        States.State test = context.states.add(context.describe(tree.getCondition(), "loop condition"));
        States.State exit = context.states.add(context.describe(tree, "after the loop"));
        context.states.jump(body);
        context.states.enter(body);
        context.jumps.pushLoop(label, exit, test);
        lower(child(path, tree.getStatement()));
        context.jumps.pop();
        jumpIfReachable(test);
        context.states.enter(test);
        Value condition = expressions.condition(child(path, tree.getCondition()));
        context.states.jumpWhen(condition.code(), body);
        context.states.jump(exit);
        context.states.enter(exit);
    }

    private void forLoop(TreePath path, ForLoopTree tree, String label) {
        for (StatementTree initializer : tree.getInitializer()) {
            if (initializer instanceof ExpressionStatementTree expression) {
                emitWithoutSemicolon(child(path, expression));
            } else {
                lower(child(path, initializer));
            }
        }
        States.State head = context.states.add(context.describe(tree, "loop condition"));
        States.State update = context.states.add(context.describe(tree, "loop update"));
        States.State exit = context.states.add(context.describe(tree, "after the loop"));
        context.states.jump(head);
        context.states.enter(head);
        if (tree.getCondition() != null) {
            testOrExit(child(path, tree.getCondition()), exit);
        }
        context.jumps.pushLoop(label, exit, update);
        lower(child(path, tree.getStatement()));
        context.jumps.pop();
        jumpIfReachable(update);
        context.states.enter(update);
        for (ExpressionStatementTree step : tree.getUpdate()) {
            emitWithoutSemicolon(child(path, step));
        }
        jumpIfReachable(head);
        context.states.enter(exit);
    }

    /**
     * {@code for (T x : e)}: e is evaluated once into a field, then each element is taken at the
     * head of the loop, exactly as JLS 14.14.2 specifies the loop in terms of an index or an
     * iterator.
     */
    private void enhancedFor(TreePath path, EnhancedForLoopTree tree, String label) {
        TreePath iterablePath = child(path, tree.getExpression());
        TypeMirror iterableType = context.trees.getTypeMirror(iterablePath);
        Value iterable = expressions.lower(iterablePath);
        String variable = tree.getVariable().getName().toString();
        States.State head = context.states.add(context.describe(tree, "next element"));
        States.State exit = context.states.add(context.describe(tree, "after the loop"));
        String holder;
        CodeBlock next;
        CodeBlock exhausted;
        if (iterableType.getKind() == TypeKind.ARRAY) {
            holder = context.addField(variable + "Array", context.projector.project(iterableType));
            String index = context.addField(variable + "Index", TypeName.INT);
            context.states.emit("$L = $L;\n$L = 0;\n", holder, iterable.code(), index);
            exhausted = CodeBlock.of("$L >= $L.length", index, holder);
            next = CodeBlock.of("$L[$L++]", holder, index);
        } else {
            holder = context.addField(variable + "Iterator",
                    iteratorType(iterableType, context.trees.getElement(child(path, tree.getVariable())).asType()));
            context.states.emit("$L = $L.iterator();\n", holder, iterable.operand());
            exhausted = CodeBlock.of("!$L.hasNext()", holder);
            next = CodeBlock.of("$L.next()", holder);
        }
        context.temps.release();
        context.states.jump(head);
        context.states.enter(head);
        context.states.jumpWhen(exhausted, exit);
        TreePath variablePath = child(path, tree.getVariable());
        Element element = context.trees.getElement(variablePath);
        String name = context.declareStateLocal(element);
        if (context.isField(element)) {
            context.states.emit("$L = $L;\n", name, next);
        } else {
            context.states.emit("$T $L = $L;\n", context.projector.project(element.asType()), name, next);
        }
        context.jumps.pushLoop(label, exit, head);
        lower(child(path, tree.getStatement()));
        context.jumps.pop();
        jumpIfReachable(head);
        context.states.enter(exit);
        context.states.emit("$L = null;\n", holder);
    }

    /**
     * {@code Iterator<? extends E>} for the {@code Iterable<E>} that the loop's expression
     * implements. An E that cannot be written ({@code List.of(a, b)} of two records that share an
     * interface is a list of {@code Record & Shape}) is replaced by the loop variable's type, to
     * which every element converts.
     */
    private TypeName iteratorType(TypeMirror iterableType, TypeMirror variableType) {
        TypeMirror element = iterableElement(iterableType);
        if (element != null && !context.projector.isDenotable(element) && variableType.getKind() == TypeKind.DECLARED
                && context.projector.isDenotable(variableType)) {
            element = variableType;
        }
        ClassName iterator = ClassName.get(Iterator.class);
        if (element == null || element.toString().equals("java.lang.Object")) {
            return ParameterizedTypeName.get(iterator, WildcardTypeName.subtypeOf(Object.class));
        }
        TypeName projected = context.projector.project(element);
        return ParameterizedTypeName.get(iterator,
                projected instanceof WildcardTypeName ? projected : WildcardTypeName.subtypeOf(projected));
    }

    private TypeMirror iterableElement(TypeMirror type) {
        Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
        while (!pending.isEmpty()) {
            TypeMirror candidate = pending.poll();
            if (candidate instanceof DeclaredType declared
                    && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.Iterable")) {
                return declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
            }
            pending.addAll(context.types.directSupertypes(candidate));
        }
        return null;
    }

    private void labeled(TreePath path, LabeledStatementTree tree) {
        String label = tree.getLabel().toString();
        TreePath inner = child(path, tree.getStatement());
        switch (tree.getStatement().getKind()) {
            case WHILE_LOOP -> whileLoop(inner, (WhileLoopTree) tree.getStatement(), label);
            case DO_WHILE_LOOP -> doWhileLoop(inner, (DoWhileLoopTree) tree.getStatement(), label);
            case FOR_LOOP -> forLoop(inner, (ForLoopTree) tree.getStatement(), label);
            case ENHANCED_FOR_LOOP -> enhancedFor(inner, (EnhancedForLoopTree) tree.getStatement(), label);
            default -> {
                States.State after = context.states.add(context.describe(tree, "after " + label));
                context.jumps.pushLabeled(label, after);
                lower(inner);
                context.jumps.pop();
                jumpIfReachable(after);
                context.states.enter(after);
            }
        }
    }

    /** The initializers and updates of a {@code for} have no semicolon of their own in the source. */
    private void emitWithoutSemicolon(TreePath statement) {
        ExpressionTree expression = ((ExpressionStatementTree) statement.getLeaf()).getExpression();
        context.states.emit("$L;\n", expressions.lower(child(statement, expression)).code());
        context.temps.release();
    }

    private void testOrExit(TreePath condition, States.State exit) {
        if (context.completion.isConstantTrue(condition)) {
            return;
        }
        Value test = expressions.condition(condition);
        context.states.jumpWhen(test.negated(), exit);
    }

    private void jumpIfReachable(States.State target) {
        if (context.states.reachable()) {
            context.states.jump(target);
        }
    }
}
