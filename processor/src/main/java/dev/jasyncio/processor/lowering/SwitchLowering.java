package dev.jasyncio.processor.lowering;

import static dev.jasyncio.processor.lowering.LoweringContext.child;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.jasyncio.processor.analysis.CaseLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.lang.model.element.Element;

/**
 * Lowers a switch statement or expression with a suspension point in its selector or in a case.
 * The selector is evaluated once and a Java switch with the blueprint's own labels sends it to
 * the state of the matching case; each case's code is lowered into states, colon cases falling
 * through to the next case's state as Java's do. {@code break} leaves a statement and
 * {@code yield} an expression through {@link JumpScopes}, so both go through any lowered
 * finally block on the way.
 */
final class SwitchLowering {
    /**
     * From this release on, javac's code for an enum switch expression without default throws
     * {@code MatchException} for a constant it does not know, instead of {@code IncompatibleClassChangeError}.
     */
    private static final int MATCH_EXCEPTION_RELEASE = 21;
    /** Named, since the Java 17 API the processor compiles against does not have it. */
    private static final ClassName MATCH_EXCEPTION = ClassName.get("java.lang", "MatchException");
    private final LoweringContext context;
    private final Consumer<TreePath> statements;
    private final ExpressionLowering expressions;
    private final Splicer splicer;

    SwitchLowering(LoweringContext context, Consumer<TreePath> statements, ExpressionLowering expressions,
            Splicer splicer) {
        this.context = context;
        this.statements = statements;
        this.expressions = expressions;
        this.splicer = splicer;
    }

    void statement(TreePath path, SwitchTree tree) {
        States.State after = context.states.add(context.describe(tree, "after the switch"));
        List<States.State> entries = dispatch(path, child(path, tree.getExpression()), tree.getCases(), after, false);
        context.jumps.pushSwitch(after);
        lowerCases(path, tree.getCases(), entries, after, false);
        context.jumps.pop();
        context.states.enter(after);
    }

    /** A switch expression: its value is in a temp when the machine reaches the state after it. */
    Value expression(TreePath path) {
        SwitchExpressionTree tree = (SwitchExpressionTree) path.getLeaf();
        String result = context.temps.acquire(context.projector.project(context.trees.getTypeMirror(path)));
        States.State after = context.states.add(context.describe(tree, "after the switch expression"));
        List<States.State> entries = dispatch(path, child(path, tree.getExpression()), tree.getCases(), after, true);
        context.jumps.pushYield(after, result);
        int outerTemps = context.temps.enterNested();
        lowerCases(path, tree.getCases(), entries, after, true);
        context.temps.leaveNested(outerTemps);
        context.jumps.pop();
        context.states.enter(after);
        return new Value(CodeBlock.of("$L", result), true, true);
    }

    /**
     * Evaluates the selector and jumps to the entry state of the case it matches. The dispatch is
     * a Java switch with the blueprint's own labels, so Java decides which case matches: in order,
     * with pattern dominance, guards, exhaustiveness and the exceptions of a null selector or of
     * an unmatched one exactly as in the blueprint.
     */
    private List<States.State> dispatch(TreePath path, TreePath selector, List<? extends CaseTree> cases,
            States.State after, boolean expression) {
        boolean enhanced = CaseLabels.isEnhanced(context.trees.getTypeMirror(selector), cases, context.types);
        Value lowered = expressions.lower(selector);
        // a switch expression's temps end with the statement around it
        CodeBlock value = (expression ? lowered : expressions.beforeBranch(lowered, "selector")).code();
        List<States.State> entries = new ArrayList<>();
        context.states.emit("switch ($L) {\n$>", value);
        boolean hasDefault = false;
        for (CaseTree clause : cases) {
            TreePath clausePath = child(path, clause);
            States.State entry = context.states.add(context.describe(clause, labelText(clause).replaceAll("\\s+", " ")));
            entries.add(entry);
            hasDefault |= CaseLabels.isDefault(clause);
            if (CaseLabels.needsPatternSwitch(clause)) {
                patternCase(clausePath, entry);
            } else {
                constantCase(clausePath, entry);
            }
        }
        context.states.emit("$<}\n");
        if (hasDefault || enhanced) {
            // every case jumps away, and an enhanced switch is exhaustive
            context.states.terminate();
        } else if (expression) {
            // an enum switch expression without default meets a constant added after compilation:
            // throw what javac's own code throws then, which depends on the release
            if (context.sourceVersion.ordinal() >= MATCH_EXCEPTION_RELEASE) { // RELEASE_n is the n-th constant
                context.states.emit("throw new $T(null, null);\n", MATCH_EXCEPTION);
            } else {
                context.states.emit("throw new $T();\n", IncompatibleClassChangeError.class);
            }
            context.states.terminate();
        } else {
            context.states.jump(after);
        }
        return entries;
    }

    private void constantCase(TreePath clausePath, States.State entry) {
        CodeBlock.Builder code = CodeBlock.builder();
        CaseTree clause = (CaseTree) clausePath.getLeaf();
        List<CodeBlock> constants = new ArrayList<>();
        for (ExpressionTree constant : clause.getExpressions()) {
            constants.add(splicer.splice(child(clausePath, constant)));
        }
        if (!constants.isEmpty()) {
            code.add("case $L:\n", CodeBlock.join(constants, ", "));
        }
        if (CaseLabels.isDefault(clause)) {
            code.add("default:\n");
        }
        context.states.emit(code.indent().build());
        context.states.jumpFromBlock(entry);
        context.states.emit("$<");
    }

    /**
     * A case with patterns, {@code case null} or a guard, copied with its guard. Its bindings are
     * declared under fresh names, since a user's name could hide a field of the machine there, and
     * those that the case's body uses are copied to their fields for the case's states.
     */
    private void patternCase(TreePath clausePath, States.State entry) {
        CaseTree clause = (CaseTree) clausePath.getLeaf();
        CodeBlock.Builder code = CodeBlock.builder();
        Map<Element, String> bindings = new LinkedHashMap<>();
        TreePathScanner<Void, Void> declarations = new TreePathScanner<>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                if (!node.getName().isEmpty() && !node.getName().contentEquals("_")) {
                    bindings.put(context.trees.getElement(getCurrentPath()), context.names.fresh(node.getName() + "Matched"));
                }
                return super.visitVariable(node, null);
            }
        };
        List<Tree> head = CaseLabels.head(clause);
        for (Tree part : head) {
            declarations.scan(child(clausePath, part), null);
        }
        code.add("$L:\n$>", splicer.spliceCaseHead(clausePath, context.end(head.get(head.size() - 1)), bindings));
        bindings.forEach((binding, matched) -> {
            if (context.facts.usedInCaseBody(binding)) {
                code.add("$L = $L;\n", context.localName(binding), matched);
            }
        });
        context.states.emit(code.build());
        context.states.jumpFromBlock(entry);
        context.states.emit("$<");
    }

    private void lowerCases(TreePath path, List<? extends CaseTree> cases, List<States.State> entries,
            States.State after, boolean expression) {
        for (int i = 0; i < cases.size(); i++) {
            CaseTree clause = cases.get(i);
            TreePath clausePath = child(path, clause);
            context.states.enter(entries.get(i));
            if (clause.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
                for (StatementTree statement : clause.getStatements()) {
                    statements.accept(child(clausePath, statement));
                }
                // a colon case falls through into the next one
                jumpIfReachable(i + 1 < cases.size() ? entries.get(i + 1) : after);
            } else {
                rule(clausePath, clause.getBody(), expression);
                jumpIfReachable(after);
            }
        }
    }

    /** The body of {@code case ... ->}: an expression (the value of a switch expression), a block or a throw. */
    private void rule(TreePath clausePath, Tree body, boolean expression) {
        TreePath bodyPath = child(clausePath, body);
        if (!(body instanceof ExpressionTree)) {
            statements.accept(bodyPath);
            return;
        }
        Value value = expressions.lower(bodyPath);
        if (expression) {
            context.states.emit(context.exits.yield(value.code()));
            context.states.terminate();
        } else {
            context.states.emit("$L;\n", value.code());
        }
        context.temps.release();
    }

    private void jumpIfReachable(States.State target) {
        if (context.states.reachable()) {
            context.states.jump(target);
        }
    }

    /** The source of a case's labels: from {@code case} or {@code default} to its colon or arrow. */
    private String labelText(CaseTree clause) {
        long end = context.end(clause);
        Tree first = clause.getCaseKind() == CaseTree.CaseKind.RULE ? clause.getBody()
                : clause.getStatements().isEmpty() ? null : clause.getStatements().get(0);
        if (first != null && context.start(first) >= 0) {
            end = context.start(first);
        }
        String text = context.text(context.start(clause), end).strip();
        return text.replaceAll("(->|:)$", "").strip();
    }
}
