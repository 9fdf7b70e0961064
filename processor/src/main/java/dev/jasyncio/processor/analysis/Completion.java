package dev.jasyncio.processor.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/**
 * Whether a statement can complete normally, by the rules of JLS 14.22. The generated machine
 * appends a jump after a statement only when javac would consider that jump reachable.
 */
public final class Completion {
    private final Trees trees;
    private final Types types;

    public Completion(Trees trees, Types types) {
        this.trees = trees;
        this.types = types;
    }

    public boolean canCompleteNormally(TreePath path) {
        Tree tree = path.getLeaf();
        switch (tree.getKind()) {
            case RETURN, THROW, BREAK, CONTINUE, YIELD:
                return false;
            case BLOCK: {
                for (StatementTree statement : ((BlockTree) tree).getStatements()) {
                    if (!canCompleteNormally(new TreePath(path, statement))) {
                        return false;
                    }
                }
                return true;
            }
            case IF: {
                IfTree node = (IfTree) tree;
                return node.getElseStatement() == null
                        || canCompleteNormally(new TreePath(path, node.getThenStatement()))
                        || canCompleteNormally(new TreePath(path, node.getElseStatement()));
            }
            case WHILE_LOOP:
                return !isConstantTrue(new TreePath(path, ((WhileLoopTree) tree).getCondition())) || hasBreak(tree, null);
            case DO_WHILE_LOOP: {
                DoWhileLoopTree node = (DoWhileLoopTree) tree;
                return !isConstantTrue(new TreePath(path, node.getCondition())) || hasBreak(tree, null);
            }
            case FOR_LOOP: {
                ForLoopTree node = (ForLoopTree) tree;
                return (node.getCondition() != null && !isConstantTrue(new TreePath(path, node.getCondition())))
                        || hasBreak(tree, null);
            }
            case LABELED_STATEMENT: {
                LabeledStatementTree node = (LabeledStatementTree) tree;
                return canCompleteNormally(new TreePath(path, node.getStatement()))
                        || hasBreak(node.getStatement(), node.getLabel().toString());
            }
            case SYNCHRONIZED:
                return canCompleteNormally(new TreePath(path, ((SynchronizedTree) tree).getBlock()));
            case TRY:
                return tryCompletes(path, (TryTree) tree);
            case SWITCH:
                return switchCompletes(path, (SwitchTree) tree);
            default:
                return true;
        }
    }

    private boolean tryCompletes(TreePath path, TryTree node) {
        if (node.getFinallyBlock() != null && !canCompleteNormally(new TreePath(path, node.getFinallyBlock()))) {
            return false;
        }
        if (canCompleteNormally(new TreePath(path, node.getBlock()))) {
            return true;
        }
        return node.getCatches().stream()
                .anyMatch(c -> canCompleteNormally(new TreePath(new TreePath(path, c), c.getBlock())));
    }

    private boolean switchCompletes(TreePath path, SwitchTree node) {
        boolean hasDefault = false;
        CaseTree last = null;
        for (CaseTree caseTree : node.getCases()) {
            hasDefault |= CaseLabels.isDefault(caseTree);
            last = caseTree;
            if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree body = caseTree.getBody();
                if (!(body instanceof StatementTree statement) || canCompleteNormally(new TreePath(new TreePath(path, caseTree), statement))) {
                    return true;
                }
            }
        }
        // an enhanced switch is exhaustive: like one with a default, it completes only through its cases
        boolean exhaustive = hasDefault
                || CaseLabels.isEnhanced(trees.getTypeMirror(new TreePath(path, node.getExpression())), node.getCases(), types);
        if (!exhaustive || last == null || hasBreak(node, null)) {
            return true;
        }
        if (last.getCaseKind() == CaseTree.CaseKind.RULE) {
            return false;
        }
        TreePath lastPath = new TreePath(path, last);
        for (StatementTree statement : last.getStatements()) {
            if (!canCompleteNormally(new TreePath(lastPath, statement))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a loop condition is a constant expression (JLS 15.29) whose value is true. */
    public boolean isConstantTrue(TreePath path) {
        return Boolean.TRUE.equals(constantBoolean(path));
    }

    /** The value of a boolean constant expression built from literals, constants, !, &&, ||, == and !=; else null. */
    private Boolean constantBoolean(TreePath path) {
        Tree tree = path.getLeaf();
        if (tree instanceof ParenthesizedTree parenthesized) {
            return constantBoolean(new TreePath(path, parenthesized.getExpression()));
        }
        if (tree instanceof LiteralTree literal) {
            return literal.getValue() instanceof Boolean value ? value : null;
        }
        if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
            Element element = trees.getElement(path);
            return element instanceof VariableElement variable && variable.getConstantValue() instanceof Boolean value
                    ? value : null;
        }
        if (tree instanceof UnaryTree unary && tree.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
            Boolean operand = constantBoolean(new TreePath(path, unary.getExpression()));
            return operand == null ? null : !operand;
        }
        if (tree instanceof BinaryTree binary) {
            Boolean left = constantBoolean(new TreePath(path, binary.getLeftOperand()));
            Boolean right = constantBoolean(new TreePath(path, binary.getRightOperand()));
            if (left == null || right == null) {
                return null;
            }
            return switch (tree.getKind()) {
                case CONDITIONAL_AND, AND -> left && right;
                case CONDITIONAL_OR, OR -> left || right;
                case EQUAL_TO -> left.equals(right);
                case NOT_EQUAL_TO, XOR -> !left.equals(right);
                default -> null;
            };
        }
        return null;
    }

    /** Whether a break inside {@code target} leaves it: unlabeled breaks not nested in an inner loop or switch, or breaks to its label. */
    private static boolean hasBreak(Tree target, String label) {
        boolean[] found = {false};
        new TreeScanner<Void, Integer>() {
            @Override
            public Void visitBreak(BreakTree node, Integer depth) {
                if (label != null ? node.getLabel() != null && node.getLabel().contentEquals(label)
                        : node.getLabel() == null && depth == 0) {
                    found[0] = true;
                }
                return null;
            }

            @Override
            public Void visitContinue(ContinueTree node, Integer depth) {
                return null;
            }

            @Override
            public Void visitWhileLoop(WhileLoopTree node, Integer depth) {
                return node == target ? super.visitWhileLoop(node, depth) : super.visitWhileLoop(node, depth + 1);
            }

            @Override
            public Void visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
                return node == target ? super.visitDoWhileLoop(node, depth) : super.visitDoWhileLoop(node, depth + 1);
            }

            @Override
            public Void visitForLoop(ForLoopTree node, Integer depth) {
                return node == target ? super.visitForLoop(node, depth) : super.visitForLoop(node, depth + 1);
            }

            @Override
            public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node, Integer depth) {
                return node == target ? super.visitEnhancedForLoop(node, depth) : super.visitEnhancedForLoop(node, depth + 1);
            }

            @Override
            public Void visitSwitch(SwitchTree node, Integer depth) {
                return node == target ? super.visitSwitch(node, depth) : super.visitSwitch(node, depth + 1);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Integer depth) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Integer depth) {
                return null;
            }
        }.scan(target, 0);
        return found[0];
    }
}
