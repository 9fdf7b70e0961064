package dev.jasyncio.processor.lowering;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.Tree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Name;

/**
 * The lowered statements enclosing the code being lowered that a jump can leave, innermost
 * first: loops, labeled statements and switches (targets of {@code break} and {@code continue}),
 * switch expressions (targets of {@code yield}), and {@code finally} blocks, which every jump that
 * leaves them must run on its way.
 */
final class JumpScopes {
    private enum Kind { LOOP, LABELED, SWITCH, YIELD, FINALLY }

    private record Scope(Kind kind, String label, States.State breakTarget, States.State continueTarget,
            String yieldTemp, FinallyScope finallyScope) {}

    /**
     * Where a jump continues and the finally blocks it runs first, innermost first.
     *
     * @param yieldTemp the field that receives a yielded value, for a {@code yield}; null otherwise
     */
    record Route(States.State target, List<FinallyScope> crossed, String yieldTemp) {}

    private final Deque<Scope> scopes = new ArrayDeque<>();

    void pushLoop(String label, States.State breakTarget, States.State continueTarget) {
        scopes.push(new Scope(Kind.LOOP, label, breakTarget, continueTarget, null, null));
    }

    void pushLabeled(String label, States.State breakTarget) {
        scopes.push(new Scope(Kind.LABELED, label, breakTarget, null, null, null));
    }

    void pushSwitch(States.State breakTarget) {
        scopes.push(new Scope(Kind.SWITCH, null, breakTarget, null, null, null));
    }

    void pushYield(States.State after, String temp) {
        scopes.push(new Scope(Kind.YIELD, null, after, null, temp, null));
    }

    void pushFinally(FinallyScope finallyScope) {
        scopes.push(new Scope(Kind.FINALLY, null, null, null, null, finallyScope));
    }

    void pop() {
        scopes.pop();
    }

    /** The route of a break or continue of lowered code. */
    Route target(Tree jump) {
        Name label = jump instanceof BreakTree b ? b.getLabel() : ((ContinueTree) jump).getLabel();
        boolean isBreak = jump instanceof BreakTree;
        List<FinallyScope> crossed = new ArrayList<>();
        for (Scope scope : scopes) {
            if (scope.kind == Kind.FINALLY) {
                crossed.add(scope.finallyScope);
                continue;
            }
            boolean matches = label != null
                    ? label.contentEquals(String.valueOf(scope.label))
                    : scope.kind == Kind.LOOP || isBreak && scope.kind == Kind.SWITCH;
            if (matches) {
                return new Route(isBreak ? scope.breakTarget : scope.continueTarget, crossed, null);
            }
        }
        throw new IllegalStateException("no lowered target for " + jump);
    }

    /** The route of a yield out of the innermost lowered switch expression. */
    Route yieldTarget() {
        List<FinallyScope> crossed = new ArrayList<>();
        for (Scope scope : scopes) {
            if (scope.kind == Kind.FINALLY) {
                crossed.add(scope.finallyScope);
            } else if (scope.kind == Kind.YIELD) {
                return new Route(scope.breakTarget, crossed, scope.yieldTemp);
            }
        }
        throw new IllegalStateException("no lowered switch expression to yield from");
    }

    /** Every finally block a return runs, innermost first. */
    List<FinallyScope> finallies() {
        List<FinallyScope> crossed = new ArrayList<>();
        for (Scope scope : scopes) {
            if (scope.kind == Kind.FINALLY) {
                crossed.add(scope.finallyScope);
            }
        }
        return crossed;
    }
}
