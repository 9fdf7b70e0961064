package dev.jasyncio.processor.lowering;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.Tree;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.lang.model.element.Name;

/** The lowered loops and labeled statements enclosing the code being lowered, innermost first. */
final class JumpScopes {
    private record Scope(String label, boolean loop, States.State breakTarget, States.State continueTarget) {}

    private final Deque<Scope> scopes = new ArrayDeque<>();

    void pushLoop(String label, States.State breakTarget, States.State continueTarget) {
        scopes.push(new Scope(label, true, breakTarget, continueTarget));
    }

    void pushLabeled(String label, States.State breakTarget) {
        scopes.push(new Scope(label, false, breakTarget, null));
    }

    void pop() {
        scopes.pop();
    }

    /** The state a break or continue of lowered code continues at. */
    States.State target(Tree jump) {
        Name label = jump instanceof BreakTree b ? b.getLabel() : ((ContinueTree) jump).getLabel();
        for (Scope scope : scopes) {
            boolean matches = label == null ? scope.loop : label.contentEquals(String.valueOf(scope.label));
            if (matches) {
                return jump instanceof BreakTree ? scope.breakTarget : scope.continueTarget;
            }
        }
        throw new IllegalStateException("no lowered target for " + jump);
    }
}
