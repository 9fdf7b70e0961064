package dev.jasyncio.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/** Reads a blueprint body once, with javac's attribution, into {@link BodyFacts}. */
public final class BodyAnalyzer {
    private final Trees trees;

    public BodyAnalyzer(Trees trees) {
        this.trees = trees;
    }

    public BodyFacts analyze(TreePath methodPath) {
        BodyFacts facts = new BodyFacts();
        MethodTree method = (MethodTree) methodPath.getLeaf();
        CompilationUnitTree unit = methodPath.getCompilationUnit();
        SourcePositions positions = trees.getSourcePositions();
        long bodyStart = positions.getStartPosition(unit, method.getBody());
        long bodyEnd = positions.getEndPosition(unit, method.getBody());
        for (VariableTree parameter : method.getParameters()) {
            TreePath parameterPath = new TreePath(methodPath, parameter);
            Element element = trees.getElement(parameterPath);
            facts.declareName(parameter.getName().toString());
            facts.locals.put(element, new LocalVariable((VariableElement) element, parameterPath, bodyStart, bodyStart,
                    bodyEnd, true));
        }
        CopiedTryExits copiedTryExits = new CopiedTryExits();
        new Scanner(facts, copiedTryExits, unit, positions, methodPath).scan(new TreePath(methodPath, method.getBody()), null);
        copiedTryExits.markLowered(facts.suspending,
                statement -> facts.splitWithoutSuspension(positions.getStartPosition(unit, statement),
                        positions.getEndPosition(unit, statement)));
        return facts;
    }

    private final class Scanner extends TreePathScanner<Void, Void> {
        private final BodyFacts facts;
        private final CopiedTryExits copiedTryExits;
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final TreePath methodPath;
        private final EvaluationOrder evaluationOrder;
        private int nestedBodies;

        Scanner(BodyFacts facts, CopiedTryExits copiedTryExits, CompilationUnitTree unit, SourcePositions positions,
                TreePath methodPath) {
            this.facts = facts;
            this.copiedTryExits = copiedTryExits;
            this.unit = unit;
            this.positions = positions;
            this.methodPath = methodPath;
            this.evaluationOrder = new EvaluationOrder(unit, positions, methodPath.getLeaf());
        }

        private long start(Tree tree) {
            return positions.getStartPosition(unit, tree);
        }

        private long end(Tree tree) {
            return positions.getEndPosition(unit, tree);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            nestedBodies++;
            super.visitLambdaExpression(node, null);
            nestedBodies--;
            return null;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            if (nestedBodies == 0 && getCurrentPath().getParentPath().getLeaf() instanceof BlockTree block) {
                facts.localClasses.put(trees.getElement(getCurrentPath()),
                        new BodyFacts.LocalClass(getCurrentPath(), start(node), end(node), end(block)));
            }
            nestedBodies++;
            super.visitClass(node, null);
            nestedBodies--;
            return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            if (nestedBodies == 0 && RuntimeApi.isAwait(trees.getElement(getCurrentPath()))) {
                markSuspension(getCurrentPath());
            }
            return super.visitMethodInvocation(node, null);
        }

        @Override
        public Void visitReturn(ReturnTree node, Void unused) {
            if (nestedBodies == 0 && !isDoneCall(node.getExpression())) {
                markSuspension(getCurrentPath());
            }
            addJump();
            return super.visitReturn(node, null);
        }

        @Override
        public Void visitBreak(BreakTree node, Void unused) {
            addJump();
            return super.visitBreak(node, null);
        }

        @Override
        public Void visitContinue(ContinueTree node, Void unused) {
            addJump();
            return super.visitContinue(node, null);
        }

        @Override
        public Void visitYield(YieldTree node, Void unused) {
            addJump();
            return super.visitYield(node, null);
        }

        private void addJump() {
            if (nestedBodies == 0) {
                copiedTryExits.addJump(getCurrentPath());
            }
        }

        private boolean isDoneCall(ExpressionTree expression) {
            return expression instanceof MethodInvocationTree
                    && RuntimeApi.isDone(trees.getElement(new TreePath(getCurrentPath(), expression)));
        }

        /**
         * Records a suspension point with the starts of the statements its evaluation is part of:
         * the innermost statement around it, and, for each switch expression around that, the
         * statement around the switch expression, whose operands before it may be read after the
         * suspension (lowering reads an effectively final local late instead of saving it).
         */
        private void markSuspension(TreePath path) {
            List<Long> statementStarts = new ArrayList<>();
            boolean wantStatement = true;
            for (TreePath up = path; up != null && up.getLeaf() != methodPath.getLeaf(); up = up.getParentPath()) {
                Tree tree = up.getLeaf();
                facts.suspending.add(tree);
                // javac's case trees are statements, but the case of a switch expression is evaluated as part of one
                if (wantStatement && tree instanceof StatementTree && !(tree instanceof CaseTree)) {
                    statementStarts.add(start(tree));
                    wantStatement = false;
                }
                if (tree.getKind() == Tree.Kind.SWITCH_EXPRESSION) {
                    wantStatement = true;
                }
            }
            facts.suspensions.add(new BodyFacts.Suspension(path, start(path.getLeaf()), statementStarts, end(path.getLeaf()),
                    evaluationOrder.consumedBefore(path), evaluationOrder.follows(path)));
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            facts.declareName(node.getName().toString());
            if (nestedBodies == 0) {
                Element element = trees.getElement(getCurrentPath());
                if (element instanceof VariableElement variable) {
                    TreePath parent = getCurrentPath().getParentPath();
                    BodyFacts.CaseHead head = caseHead(getCurrentPath());
                    // a binding of a case's labels or guard is in scope in that case only
                    long scopeEnd = head != null ? head.caseEnd() : scopeEnd(parent);
                    facts.locals.put(element, new LocalVariable(variable, getCurrentPath(), start(node), end(node),
                            scopeEnd, false));
                    if (head != null) {
                        facts.caseHeadBindings.put(element, head);
                    } else if (parent.getLeaf().getKind() == Tree.Kind.BINDING_PATTERN) {
                        facts.bindingStatements.put(element, enclosingStatement(parent));
                    }
                }
            }
            return super.visitVariable(node, null);
        }

        /**
         * The switch and the case head that declare this pattern binding, or null: the binding of
         * {@code case Circle c} and of an {@code instanceof} in {@code when ...}.
         */
        private BodyFacts.CaseHead caseHead(TreePath variable) {
            if (variable.getParentPath().getLeaf().getKind() != Tree.Kind.BINDING_PATTERN) {
                return null;
            }
            TreePath below = variable;
            for (TreePath up = variable.getParentPath(); up != null; below = up, up = up.getParentPath()) {
                if (up.getLeaf() instanceof CaseTree clause) {
                    Tree part = below.getLeaf();
                    boolean inBody = part == clause.getBody()
                            || clause.getStatements() != null && clause.getStatements().contains(part);
                    List<Tree> head = CaseLabels.head(clause);
                    return inBody ? null
                            : new BodyFacts.CaseHead(up.getParentPath().getLeaf(), end(head.get(head.size() - 1)), end(clause));
                }
                if (up.getLeaf() instanceof StatementTree) {
                    return null;
                }
            }
            return null;
        }

        private Tree enclosingStatement(TreePath path) {
            TreePath up = path;
            while (!(up.getLeaf() instanceof StatementTree)) {
                up = up.getParentPath();
            }
            return up.getLeaf();
        }

        private long scopeEnd(TreePath parent) {
            if (parent.getLeaf().getKind() == Tree.Kind.BINDING_PATTERN) {
                for (TreePath up = parent; up != null; up = up.getParentPath()) {
                    if (up.getLeaf() instanceof BlockTree) {
                        return end(up.getLeaf());
                    }
                }
            }
            if (parent.getLeaf().getKind() == Tree.Kind.CASE) {
                return end(parent.getParentPath().getLeaf());
            }
            return end(parent.getLeaf());
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            BodyFacts.LocalClass localClass = facts.localClasses.get(element);
            if (localClass != null) {
                localClass.references().add(start(node));
            }
            LocalVariable local = facts.local(element);
            if (local != null) {
                local.references.add(start(node));
            }
            return null;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            ExpressionTree written = Assignments.target(tree);
            if (written instanceof IdentifierTree) {
                LocalVariable local = facts.local(trees.getElement(new TreePath(new TreePath(getCurrentPath(), tree), written)));
                if (local != null) {
                    local.reassigned = true;
                }
            }
            return super.scan(tree, null);
        }

        @Override
        public Void visitTry(TryTree node, Void unused) {
            if (nestedBodies == 0) {
                for (Tree resource : node.getResources()) {
                    if (resource instanceof VariableTree) {
                        facts.resourceOwners.put(trees.getElement(new TreePath(getCurrentPath(), resource)), node);
                    }
                }
            }
            return super.visitTry(node, null);
        }

        @Override
        public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
            facts.declareName(node.getLabel().toString());
            return super.visitLabeledStatement(node, null);
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree node, Void unused) {
            facts.addLoop(start(node), end(node));
            return super.visitWhileLoop(node, null);
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
            facts.addLoop(start(node), end(node));
            return super.visitDoWhileLoop(node, null);
        }

        @Override
        public Void visitForLoop(ForLoopTree node, Void unused) {
            // the initializer runs once; its variables live on from one turn of the loop to the next
            List<? extends StatementTree> initializer = node.getInitializer();
            facts.addLoop(initializer.isEmpty() ? start(node) : end(initializer.get(initializer.size() - 1)), end(node));
            return super.visitForLoop(node, null);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
            facts.addLoop(start(node), end(node));
            return super.visitEnhancedForLoop(node, null);
        }
    }
}
