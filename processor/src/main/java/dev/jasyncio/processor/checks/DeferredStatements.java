package dev.jasyncio.processor.checks;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Statements of ordinary code whose check must wait for a later round: a companion call's type is
 * unknown in the round that generates the companion. They are kept by top-level type and source
 * position, not as trees, because javac attributes the trees afresh in each round.
 */
public final class DeferredStatements {
    private final Map<String, Set<Long>> positionsByType = new LinkedHashMap<>();

    void add(Element root, TreePath statement, Trees trees) {
        long position = trees.getSourcePositions().getStartPosition(statement.getCompilationUnit(), statement.getLeaf());
        positionsByType.computeIfAbsent(((TypeElement) root).getQualifiedName().toString(), name -> new HashSet<>())
                .add(position);
    }

    /**
     * Checks the deferred statements again; those still undecided stay for the next round, unless
     * this is the last, when a type that never resolved is javac's to report.
     */
    public void recheck(Trees trees, Elements elements, NotAwaitedChecker checker, boolean lastRound) {
        Map<String, Set<Long>> pending = new LinkedHashMap<>(positionsByType);
        positionsByType.clear();
        pending.forEach((name, positions) -> {
            TypeElement root = elements.getTypeElement(name);
            TreePath rootPath = root == null ? null : trees.getPath(root);
            if (rootPath == null) {
                return;
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
                    long start = trees.getSourcePositions().getStartPosition(getCurrentPath().getCompilationUnit(), node);
                    if (positions.contains(start) && !checker.checkOrdinary(getCurrentPath()) && !lastRound) {
                        add(root, getCurrentPath(), trees);
                    }
                    return super.visitExpressionStatement(node, null);
                }
            }.scan(rootPath.getCompilationUnit(), null);
        });
    }
}
