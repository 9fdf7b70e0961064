package dev.jasyncio.processor.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.BodyFacts;
import dev.jasyncio.processor.analysis.RuntimeApi;

/**
 * Checks where a blueprint awaits: never inside a lambda or a class body (they run outside the
 * machine), and never where the machine cannot follow the blueprint ({@code super},
 * {@code synchronized}).
 */
public final class AwaitPlacementChecker {
    private final Trees trees;
    private final Reporter reporter;

    public AwaitPlacementChecker(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /** Reports every misplaced await of the body; true if there was none. */
    public boolean check(TreePath methodPath, BodyFacts facts) {
        boolean[] valid = {true};
        new TreePathScanner<Void, Void>() {
            private int insideClass;

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (RuntimeApi.calledName(node).equals("await") && RuntimeApi.isAwait(trees.getElement(getCurrentPath()))) {
                    String problem = placementProblem(getCurrentPath(), methodPath.getLeaf());
                    if (problem != null) {
                        reporter.error(problem, getCurrentPath());
                        valid[0] = false;
                    }
                }
                return super.visitMethodInvocation(node, null);
            }

            @Override
            public Void visitClass(ClassTree node, Void unused) {
                // `super` in a class body (an anonymous class's implicit super() included) is that class's own
                insideClass++;
                super.visitClass(node, null);
                insideClass--;
                return null;
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                if (insideClass == 0 && node.getName().contentEquals("super")) {
                    reporter.error(Messages.SUPER_IN_ASYNC, getCurrentPath());
                    valid[0] = false;
                }
                return null;
            }
        }.scan(new TreePath(methodPath, ((MethodTree) methodPath.getLeaf()).getBody()), null);
        for (TreePath suspending : facts.returnSuspensions()) {
            String problem = placementProblem(suspending, methodPath.getLeaf());
            if (problem != null) {
                reporter.error(problem, suspending);
                valid[0] = false;
            }
        }
        for (TreePath localClass : facts.localClassesUsedAcrossSuspensions()) {
            reporter.error(String.format(Messages.LOCAL_CLASS_ACROSS_AWAIT, ((ClassTree) localClass.getLeaf()).getSimpleName(),
                    trees.getElement(methodPath).getEnclosingElement().getSimpleName()), localClass);
            valid[0] = false;
        }
        return valid[0];
    }

    private static String placementProblem(TreePath at, Tree method) {
        for (TreePath up = at.getParentPath(); up != null && up.getLeaf() != method; up = up.getParentPath()) {
            Tree tree = up.getLeaf();
            if (tree instanceof LambdaExpressionTree) {
                return Messages.AWAIT_IN_LAMBDA;
            }
            if (tree instanceof ClassTree) {
                return Messages.AWAIT_IN_CLASS;
            }
            switch (tree.getKind()) {
                case SYNCHRONIZED -> {
                    return Messages.AWAIT_IN_SYNCHRONIZED;
                }
                default -> { }
            }
        }
        return null;
    }
}
