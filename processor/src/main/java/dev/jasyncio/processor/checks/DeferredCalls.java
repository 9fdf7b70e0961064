package dev.jasyncio.processor.checks;

import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
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
 * Dropped companion calls of ordinary code whose check must wait for a later round: a companion
 * call's type is unknown in the round that generates the companion. They are kept by top-level
 * type and source span (a call nested in another starts where it starts, but ends before), not as
 * trees, because javac attributes the trees afresh in each round.
 */
public final class DeferredCalls {
    private record Span(long start, long end) {
        static Span of(TreePath path, Trees trees) {
            return new Span(trees.getSourcePositions().getStartPosition(path.getCompilationUnit(), path.getLeaf()),
                    trees.getSourcePositions().getEndPosition(path.getCompilationUnit(), path.getLeaf()));
        }
    }

    private final Map<String, Set<Span>> spansByType = new LinkedHashMap<>();

    void add(Element root, TreePath call, Trees trees) {
        spansByType.computeIfAbsent(((TypeElement) root).getQualifiedName().toString(), name -> new HashSet<>())
                .add(Span.of(call, trees));
    }

    /**
     * A call kept as a statement drops its value; one kept as the body of a lambda does if the
     * lambda's function returns void, which is known once the call is attributed.
     */
    private static boolean dropsItsValue(TreePath call, Trees trees, NotAwaitedChecker checker) {
        if (!(call.getParentPath().getLeaf() instanceof LambdaExpressionTree)) {
            return true;
        }
        trees.getElement(call);
        return checker.dropsItsValue(call.getParentPath());
    }

    /**
     * Checks the deferred calls again; those still undecided stay for the next round, unless this
     * is the last, when a type that never resolved is javac's to report.
     */
    public void recheck(Trees trees, Elements elements, NotAwaitedChecker checker, boolean lastRound) {
        Map<String, Set<Span>> pending = new LinkedHashMap<>(spansByType);
        spansByType.clear();
        pending.forEach((name, spans) -> {
            TypeElement root = elements.getTypeElement(name);
            TreePath rootPath = root == null ? null : trees.getPath(root);
            if (rootPath == null) {
                return;
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                    if (spans.contains(Span.of(getCurrentPath(), trees)) && dropsItsValue(getCurrentPath(), trees, checker)
                            && !checker.checkOrdinary(getCurrentPath()) && !lastRound) {
                        add(root, getCurrentPath(), trees);
                    }
                    return super.visitMethodInvocation(node, null);
                }
            }.scan(rootPath.getCompilationUnit(), null);
        });
    }
}
