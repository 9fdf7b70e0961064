package dev.jasyncio.processor.analysis;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;

/**
 * What the code around a suspension point has certainly done before it, and what it certainly does
 * after it, read from the trees: how {@link BodyFacts} tells a binding or local consumed by a
 * condition or a case's head (and so dead at an await in the branch it chose) from one still read.
 */
final class EvaluationOrder {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final Tree method;

    EvaluationOrder(CompilationUnitTree unit, SourcePositions positions, Tree method) {
        this.unit = unit;
        this.positions = positions;
        this.method = method;
    }

    /**
     * The parts of the code around the suspension point that run to their end before it and whose
     * uses of locals are not read again after it in the same evaluation: the condition of an
     * {@code if} or {@code ?:} and the left operand of {@code &&} or {@code ||} when it is in a
     * branch, the selector of a switch and the labels and guard of a case when it is in the case's
     * body, and the statements of a block before the one it is in. (A loop repeats them: its own
     * rule in {@link BodyFacts} keeps the locals used in it alive.) Other operands that come before
     * it in the source may be read after it: lowering reads an effectively final local late.
     */
    List<BodyFacts.Range> consumedBefore(TreePath suspension) {
        List<BodyFacts.Range> consumed = new ArrayList<>();
        Tree below = suspension.getLeaf();
        for (TreePath up = suspension.getParentPath(); up != null && up.getLeaf() != method; up = up.getParentPath()) {
            Tree tree = up.getLeaf();
            if (tree instanceof IfTree statement && below != statement.getCondition()) {
                consumed.add(range(statement.getCondition()));
            } else if (tree instanceof ConditionalExpressionTree conditional && below != conditional.getCondition()) {
                consumed.add(range(conditional.getCondition()));
            } else if (isShortCircuit(tree) && below == ((BinaryTree) tree).getRightOperand()) {
                consumed.add(range(((BinaryTree) tree).getLeftOperand()));
            } else if (tree instanceof SwitchTree statement && below != statement.getExpression()) {
                consumed.add(range(statement.getExpression()));
            } else if (tree instanceof SwitchExpressionTree expression && below != expression.getExpression()) {
                consumed.add(range(expression.getExpression()));
            } else if (tree instanceof CaseTree clause && !CaseLabels.head(clause).contains(below)
                    || tree instanceof BlockTree) {
                consumed.add(new BodyFacts.Range(start(tree), start(below)));
            }
            below = tree;
        }
        return consumed;
    }

    /**
     * The rest of the block around the suspension point's statement, if every path into it passes
     * the suspension point once that statement has run; null if the statement is not directly in
     * a block, or evaluates the suspension point only on some paths (in a branch of {@code ?:},
     * {@code &&} or {@code ||}, a case of a switch expression, a {@code do} loop's condition, an
     * {@code assert}).
     */
    BodyFacts.Range follows(TreePath suspension) {
        Tree below = suspension.getLeaf();
        for (TreePath up = suspension.getParentPath(); up != null && up.getLeaf() != method; up = up.getParentPath()) {
            Tree tree = up.getLeaf();
            boolean conditional = tree instanceof ConditionalExpressionTree conditionalTree && below != conditionalTree.getCondition()
                    || isShortCircuit(tree) && below == ((BinaryTree) tree).getRightOperand()
                    || tree instanceof SwitchExpressionTree expression && below != expression.getExpression()
                    || tree instanceof DoWhileLoopTree loop && below == loop.getCondition()
                    || tree instanceof AssertTree;
            if (conditional) {
                return null;
            }
            if (tree instanceof StatementTree && !(tree instanceof CaseTree)) {
                Tree parent = up.getParentPath().getLeaf();
                return parent instanceof BlockTree ? new BodyFacts.Range(end(tree) - 1, end(parent)) : null;
            }
            below = tree;
        }
        return null;
    }

    private static boolean isShortCircuit(Tree tree) {
        return tree.getKind() == Tree.Kind.CONDITIONAL_AND || tree.getKind() == Tree.Kind.CONDITIONAL_OR;
    }

    private BodyFacts.Range range(Tree tree) {
        return new BodyFacts.Range(start(tree), end(tree));
    }

    private long start(Tree tree) {
        return positions.getStartPosition(unit, tree);
    }

    private long end(Tree tree) {
        return positions.getEndPosition(unit, tree);
    }
}
