package dev.jasyncio.processor.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;

/** The variable an expression writes: the target of {@code =}, {@code op=}, {@code ++} and {@code --}. */
public final class Assignments {
    private Assignments() {}

    /** The written variable's tree without parentheses, or null if the tree writes nothing itself. */
    public static ExpressionTree target(Tree tree) {
        ExpressionTree target = parenthesized(tree);
        while (target instanceof ParenthesizedTree parenthesized) {
            target = parenthesized.getExpression();
        }
        return target;
    }

    private static ExpressionTree parenthesized(Tree tree) {
        if (tree instanceof AssignmentTree assignment) {
            return assignment.getVariable();
        }
        if (tree instanceof CompoundAssignmentTree assignment) {
            return assignment.getVariable();
        }
        if (tree instanceof UnaryTree unary) {
            return switch (tree.getKind()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> unary.getExpression();
                default -> null;
            };
        }
        return null;
    }
}
