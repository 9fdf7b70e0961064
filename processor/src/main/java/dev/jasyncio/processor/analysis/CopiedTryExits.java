package dev.jasyncio.processor.analysis;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Name;

/**
 * Finds the try statements without a suspension point that must be lowered all the same. Code
 * without one is copied as the user wrote it, and a jump out of the copy into lowered code sets
 * the machine's label and then continues its loop. If the jump leaves a copied try statement with a
 * finally block or resources, Java runs that block or closes those resources after the label was
 * set, so an exception they throw reaches the handlers of the jump's target instead of those
 * around the try (an outer resource was not closed). Lowered, the try runs them in states of its
 * own, in its own region.
 */
final class CopiedTryExits {
    private final List<TreePath> jumps = new ArrayList<>();

    /** A break, continue, yield or return of the blueprint itself (not of a lambda or class in it). */
    void addJump(TreePath jump) {
        jumps.add(jump);
    }

    /**
     * Adds to {@code suspending} the try statements that must be lowered and the trees around
     * them; lowering one can turn other jumps into jumps out of copied code, so it repeats until
     * nothing changes. {@code split} hears of each statement that was copied whole and is now
     * lowered in several states, and may refuse it.
     */
    void markLowered(Set<Tree> suspending, Predicate<Tree> split) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TreePath jump : jumps) {
                changed |= lowerTriesLeftBy(jump, suspending, split);
            }
        }
    }

    private static boolean lowerTriesLeftBy(TreePath jump, Set<Tree> suspending, Predicate<Tree> split) {
        if (suspending.contains(jump.getLeaf())) {
            return false;
        }
        List<TreePath> copied = new ArrayList<>();
        TreePath lowered = jump.getParentPath();
        while (!(lowered.getLeaf() instanceof MethodTree) && !suspending.contains(lowered.getLeaf())) {
            copied.add(lowered);
            lowered = lowered.getParentPath();
        }
        if (lowered.getLeaf() instanceof MethodTree || !leavesCopiedCode(jump, copied, lowered)) {
            return false;
        }
        int outermost = -1;
        Tree below = jump.getLeaf();
        for (int i = 0; i < copied.size(); i++) {
            Tree tree = copied.get(i).getLeaf();
            if (tree.getKind() == Tree.Kind.SYNCHRONIZED) {
                // a synchronized statement cannot be lowered; its copy keeps the try it holds
                return false;
            }
            if (tree instanceof TryTree attempt && runsOnTheWayOut(attempt, below)) {
                outermost = i;
            }
            below = tree;
        }
        if (outermost < 0 || !split.test(copied.get(copied.size() - 1).getLeaf())) {
            return false;
        }
        for (TreePath tree : copied.subList(outermost, copied.size())) {
            suspending.add(tree.getLeaf());
        }
        return true;
    }

    /** True if the copy writes the jump as a jump into lowered code (see {@code Splicer} and {@code Exits}). */
    private static boolean leavesCopiedCode(TreePath jump, List<TreePath> copied, TreePath lowered) {
        Tree leaf = jump.getLeaf();
        if (leaf instanceof ReturnTree) {
            // a return is a Java return unless it runs lowered finally blocks first
            for (TreePath up = lowered; !(up.getLeaf() instanceof MethodTree); up = up.getParentPath()) {
                if (up.getLeaf() instanceof TryTree attempt && hasExitCode(attempt)) {
                    return true;
                }
            }
            return false;
        }
        Tree target = target(jump);
        return copied.stream().noneMatch(path -> path.getLeaf() == target);
    }

    /** The statement a break, continue or yield leaves. */
    private static Tree target(TreePath jump) {
        Tree leaf = jump.getLeaf();
        Name label = leaf instanceof BreakTree b ? b.getLabel() : leaf instanceof ContinueTree c ? c.getLabel() : null;
        for (TreePath up = jump.getParentPath(); up != null; up = up.getParentPath()) {
            Tree tree = up.getLeaf();
            boolean matches = switch (leaf.getKind()) {
                case YIELD -> tree.getKind() == Tree.Kind.SWITCH_EXPRESSION;
                case BREAK, CONTINUE -> label != null
                        ? tree instanceof LabeledStatementTree labeled && labeled.getLabel().contentEquals(label)
                        : isLoop(tree) || leaf instanceof BreakTree && tree.getKind() == Tree.Kind.SWITCH;
                default -> false;
            };
            if (matches) {
                return tree;
            }
        }
        throw new IllegalStateException("no target for " + leaf);
    }

    private static boolean isLoop(Tree tree) {
        return switch (tree.getKind()) {
            case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP -> true;
            default -> false;
        };
    }

    private static boolean hasExitCode(TryTree attempt) {
        return attempt.getFinallyBlock() != null || !attempt.getResources().isEmpty();
    }

    /**
     * True if leaving the try from {@code below}, one of its parts, runs its finally block or closes
     * its resources: not from the finally block itself, nor from a catch clause when there is
     * no finally block (the resources are closed before a catch clause runs).
     */
    private static boolean runsOnTheWayOut(TryTree attempt, Tree below) {
        if (below == attempt.getFinallyBlock()) {
            return false;
        }
        if (below instanceof CatchTree) {
            return attempt.getFinallyBlock() != null;
        }
        return hasExitCode(attempt);
    }
}
