package dev.jasyncio.processor.lowering;

import static dev.jasyncio.processor.lowering.LoweringContext.child;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
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
import dev.jasyncio.processor.checks.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

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
    private static final CodeBlock NO_CODE = CodeBlock.of("");
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
        Dispatch dispatch = dispatch(path, child(path, tree.getExpression()), tree.getCases(), after, false);
        context.jumps.pushSwitch(after);
        int outerTemps = context.temps.enterNested();
        lowerCases(path, tree.getCases(), dispatch.entries(), after, false);
        context.temps.leaveNested(outerTemps);
        dispatch.releaseSelector(context.temps);
        context.jumps.pop();
        context.states.enter(after);
    }

    /** A switch expression: its value is in a temp when the machine reaches the state after it. */
    Value expression(TreePath path) {
        SwitchExpressionTree tree = (SwitchExpressionTree) path.getLeaf();
        String result = context.temps.acquire(context.projector.project(context.trees.getTypeMirror(path)));
        States.State after = context.states.add(context.describe(tree, "after the switch expression"));
        Dispatch dispatch = dispatch(path, child(path, tree.getExpression()), tree.getCases(), after, true);
        context.jumps.pushYield(after, result);
        int outerTemps = context.temps.enterNested();
        lowerCases(path, tree.getCases(), dispatch.entries(), after, true);
        context.temps.leaveNested(outerTemps);
        dispatch.releaseSelector(context.temps);
        context.jumps.pop();
        context.states.enter(after);
        return new Value(CodeBlock.of("$L", result), true, true);
    }

    /**
     * The entry states of the cases, and the temp that holds the selector while guards await
     * (null if none do): the code clears it wherever matching ends, and it is freed once the
     * switch is lowered.
     */
    private record Dispatch(List<States.State> entries, String selectorTemp) {
        void releaseSelector(Temps temps) {
            if (selectorTemp != null) {
                temps.releaseCleared(selectorTemp);
            }
        }
    }

    /**
     * Evaluates the selector and jumps to the entry state of the case it matches. The dispatch is
     * a Java switch with the blueprint's own labels, so Java decides which case matches: in order,
     * with pattern dominance, guards, exhaustiveness and the exceptions of a null selector or of
     * an unmatched one exactly as in the blueprint. A switch with an await in a guard is matched
     * in segments instead ({@link #guardedDispatch}).
     */
    private Dispatch dispatch(TreePath path, TreePath selector, List<? extends CaseTree> cases,
            States.State after, boolean expression) {
        boolean enhanced = CaseLabels.isEnhanced(context.trees.getTypeMirror(selector), cases, context.types);
        Value lowered = expressions.lower(selector);
        List<States.State> entries = new ArrayList<>();
        for (CaseTree clause : cases) {
            entries.add(context.states.add(context.describe(clause, labelText(clause))));
        }
        if (cases.stream().anyMatch(this::awaitsInGuard)) {
            return new Dispatch(entries, guardedDispatch(path, selector, lowered, cases, entries, expression));
        }
        // a switch expression's temps end with the statement around it
        CodeBlock value = (expression ? lowered : expressions.beforeBranch(lowered, "selector")).code();
        context.states.emit("switch ($L) {\n$>", value);
        boolean hasDefault = false;
        for (int i = 0; i < cases.size(); i++) {
            hasDefault |= CaseLabels.isDefault(cases.get(i));
            matchCase(child(path, cases.get(i)), entries.get(i), NO_CODE);
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
        return new Dispatch(entries, null);
    }

    /** One case of a dispatch: its labels jump to {@code target}, after {@code before}. */
    private void matchCase(TreePath clausePath, States.State target, CodeBlock before) {
        if (CaseLabels.needsPatternSwitch((CaseTree) clausePath.getLeaf())) {
            patternCase(clausePath, target, before, false);
        } else {
            constantCase(clausePath, target, before);
        }
    }

    private boolean awaitsInGuard(CaseTree clause) {
        ExpressionTree guard = CaseLabels.guard(clause);
        return guard != null && context.facts.suspends(guard);
    }

    /**
     * The dispatch of a switch with an await in a guard. Java tests the labels top to bottom and
     * evaluates a guard only once its pattern matched; a false guard goes on with the next label,
     * and the labels before it are not tried again (javac's own code restarts
     * {@code SwitchBootstraps.typeSwitch} at the next index). The machine matches in segments, each
     * a Java switch over the selector, kept in a temp: a segment holds the labels up to and
     * including the next case whose guard awaits, that case without its guard. Its match stores
     * the case's bindings in their fields and goes to the guard's states; a true guard enters the
     * case, a false one the next segment, which starts at the following label. A value that no
     * label of a segment matches goes on to the next one too ({@code default}, and
     * {@code case null} if a later case has it). The last segment has the remaining labels; where
     * it is not exhaustive on its own it throws what javac's code throws for an unmatched value,
     * {@code MatchException}.
     *
     * <p>Segments rather than one switch re-entered with a restart index ({@code case P when
     * index <= 2}, as javac's bootstrap does it): a pattern is tested before its guard, so
     * re-entering one switch would test the labels before the index again, and a record
     * pattern's accessors would run again. Guards that do not await stay in their labels, so Java
     * still evaluates them while it matches, in order. What javac checks of the blueprint's switch
     * (dominance, exhaustiveness) it has checked already; each segment is a part of that switch
     * and compiles as one.
     */
    private String guardedDispatch(TreePath path, TreePath selectorPath, Value lowered, List<? extends CaseTree> cases,
            List<States.State> entries, boolean expression) {
        TypeMirror selectorType = context.trees.getTypeMirror(selectorPath);
        if (!context.projector.isDenotable(selectorType)) {
            throw context.abort(Messages.NON_DENOTABLE_OPERAND, selectorPath);
        }
        // a switch expression's temps end with the statement around it
        CodeBlock value = (expression ? lowered : expressions.beforeBranch(lowered, "selector")).code();
        TypeName type = context.projector.project(selectorType);
        String selector = context.temps.acquire(type);
        context.states.emit("$L = $L;\n", selector, value);
        // (a primitive selector: a preview of Java 23 and later)
        CodeBlock cleared = type.isPrimitive() ? NO_CODE : CodeBlock.of("$L = null;\n", selector);
        int from = 0;
        for (int guarded = 0; guarded < cases.size(); guarded++) {
            CaseTree clause = cases.get(guarded);
            if (!awaitsInGuard(clause)) {
                continue;
            }
            TreePath clausePath = child(path, clause);
            ExpressionTree guard = CaseLabels.guard(clause);
            States.State test = context.states.add(context.describe(guard, "guard " + expressions.summary(guard)));
            States.State next = context.states.add(guarded + 1 < cases.size()
                    ? context.describe(cases.get(guarded + 1), "after a false guard: " + labelText(cases.get(guarded + 1)))
                    : context.describe(guard, "no case after a false guard"));
            context.states.emit("switch ($L) {\n$>", selector);
            for (int i = from; i < guarded; i++) {
                matchCase(child(path, cases.get(i)), entries.get(i), cleared);
            }
            patternCase(clausePath, test, NO_CODE, true);
            boolean nullLater = cases.subList(guarded + 1, cases.size()).stream().anyMatch(CaseLabels::hasNull)
                    && cases.subList(from, guarded).stream().noneMatch(CaseLabels::hasNull);
            boolean partial = !CaseLabels.matchesEveryValue(clausePath, selectorType, context.trees, context.types);
            if (nullLater || partial) {
                context.states.emit("$L:\n$>", nullLater && partial ? "case null, default" : nullLater ? "case null" : "default");
                context.states.jumpFromBlock(next);
                context.states.emit("$<");
            }
            context.states.emit("$<}\n");
            context.states.terminate();
            context.states.enter(test);
            testGuard(child(clausePath, guard), next);
            context.states.emit(cleared);
            context.states.jump(entries.get(guarded));
            context.states.enter(next);
            from = guarded + 1;
        }
        lastSegment(path, cases.subList(from, cases.size()), entries.subList(from, cases.size()), selector, selectorType,
                cleared);
        return selector;
    }

    /** Evaluates a guard that awaits, and continues at {@code otherwise} if it is false. */
    private void testGuard(TreePath guard, States.State otherwise) {
        long enclosingLine = context.states.line();
        context.states.statementAt(context.lineOf(guard.getLeaf()), false);
        // the guard's temps end where it branches; the selector's stay
        int outerTemps = context.temps.enterNested();
        Value test = expressions.condition(guard);
        context.temps.leaveNested(outerTemps);
        context.states.jumpWhen(test.negated(), otherwise);
        context.states.line(enclosingLine);
    }

    /** The labels after the last guard that awaits; a value none of them matches throws {@code MatchException}. */
    private void lastSegment(TreePath path, List<? extends CaseTree> cases, List<States.State> entries, String selector,
            TypeMirror selectorType, CodeBlock cleared) {
        boolean exhaustive = false;
        if (!cases.isEmpty()) {
            context.states.emit("switch ($L) {\n$>", selector);
            for (int i = 0; i < cases.size(); i++) {
                CaseTree clause = cases.get(i);
                TreePath clausePath = child(path, clause);
                exhaustive |= CaseLabels.isDefault(clause) || CaseLabels.guard(clause) == null
                        && CaseLabels.matchesEveryValue(clausePath, selectorType, context.trees, context.types);
                matchCase(clausePath, entries.get(i), cleared);
            }
            if (!exhaustive) {
                context.states.emit("default:\n$>");
            }
        }
        if (!exhaustive) {
            context.states.emit("throw new $T(null, null);\n", MATCH_EXCEPTION);
        }
        if (!cases.isEmpty()) {
            context.states.emit(exhaustive ? "$<}\n" : "$<$<}\n");
        }
        context.states.terminate();
    }

    private void constantCase(TreePath clausePath, States.State entry, CodeBlock before) {
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
        context.states.emit(code.indent().add(before).build());
        context.states.jumpFromBlock(entry);
        context.states.emit("$<");
    }

    /**
     * A case with patterns, {@code case null} or a guard, copied with its guard, or without it if
     * the guard awaits ({@code awaitingGuard}). Its bindings are declared under fresh names, since
     * a user's name could hide a field of the machine there, and those that the case's body uses
     * (its guard too, if that awaits) are copied to their fields for the case's states.
     */
    private void patternCase(TreePath clausePath, States.State target, CodeBlock before, boolean awaitingGuard) {
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
        List<Tree> head = awaitingGuard ? CaseLabels.labels(clause) : CaseLabels.head(clause);
        for (Tree part : head) {
            declarations.scan(child(clausePath, part), null);
        }
        code.add("$L:\n$>", splicer.spliceCaseHead(clausePath, context.end(head.get(head.size() - 1)), bindings));
        code.add(before);
        bindings.forEach((binding, matched) -> {
            if (awaitingGuard ? context.isField(binding) : context.facts.usedInCaseBody(binding)) {
                code.add("$L = $L;\n", context.localName(binding), matched);
            }
        });
        context.states.emit(code.build());
        context.states.jumpFromBlock(target);
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
        return text.replaceAll("(->|:)$", "").strip().replaceAll("\\s+", " ");
    }
}
