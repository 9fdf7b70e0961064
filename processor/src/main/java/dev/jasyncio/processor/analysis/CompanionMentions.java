package dev.jasyncio.processor.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.Set;

/**
 * Finds, without attributing anything, a companion that does not exist yet named inside a call's
 * argument that is itself an argument of a call: {@code expect(3, EventLoop.run(CounterAsync.count(3)))}.
 *
 * <p>javac 25 keeps the speculative type of a method argument from one round to the next (its
 * {@code ArgumentAttr} cache lives as long as the compilation), and when the class was attributed
 * before the companion existed, that stale type fails the argument's final check with an
 * inference error that has no position. A class whose source has such a call must not be
 * attributed until every companion it names exists.
 */
public final class CompanionMentions {
    private CompanionMentions() {}

    /** True if the unit names one of {@code companions} (simple names) inside an argument of an argument. */
    public static boolean inNestedArguments(CompilationUnitTree unit, Set<String> companions) {
        boolean[] found = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                if (companions.contains(node.getName().toString()) && argumentDepth(getCurrentPath()) >= 2) {
                    found[0] = true;
                }
                return null;
            }

            @Override
            public Void scan(Tree tree, Void unused) {
                return found[0] ? null : super.scan(tree, null);
            }
        }.scan(unit, null);
        return found[0];
    }

    private static int argumentDepth(TreePath path) {
        int depth = 0;
        for (TreePath up = path; up.getParentPath() != null; up = up.getParentPath()) {
            Tree parent = up.getParentPath().getLeaf();
            Tree child = up.getLeaf();
            if (parent instanceof MethodInvocationTree call && call.getArguments().contains(child)
                    || parent instanceof NewClassTree creation && creation.getArguments().contains(child)) {
                depth++;
            }
        }
        return depth;
    }
}
