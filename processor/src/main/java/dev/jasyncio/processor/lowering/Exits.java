package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.Tree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the jumps that leave lowered code ({@code break}, {@code continue}, {@code yield},
 * {@code return}), each going through the lowered {@code finally} blocks it leaves, innermost
 * first, as Java runs them. A finally block learns where to go on from its kind field; a jump that
 * crosses several finally blocks hops through a small state per further block.
 */
final class Exits {
    private record Hop(FinallyScope through, States.State target) {}

    private final LoweringContext context;
    private final Map<Hop, States.State> hops = new HashMap<>();
    private String returnField;

    Exits(LoweringContext context) {
        this.context = context;
    }

    /** A break or continue of lowered code. */
    CodeBlock jump(Tree breakOrContinue) {
        JumpScopes.Route route = context.jumps.target(breakOrContinue);
        return route(route.target(), route.crossed());
    }

    /** A yield of the innermost lowered switch expression. */
    CodeBlock yield(CodeBlock value) {
        JumpScopes.Route route = context.jumps.yieldTarget();
        return CodeBlock.builder()
                .add("$L = $L;\n", route.yieldTemp(), value)
                .add(route(route.target(), route.crossed()))
                .build();
    }

    /** A return of {@code value}: at once, or after the finally blocks around it. */
    CodeBlock returnWith(CodeBlock value) {
        return returnThrough(context.jumps.finallies(), value);
    }

    /**
     * The end of a finally block that completed normally: it continues with the completion that
     * entered it, unless the block itself jumped, returned or threw, which replaces that completion.
     */
    CodeBlock finallyEnd(FinallyScope scope) {
        String pending = context.names.fresh("pending");
        return CodeBlock.builder()
                .beginControlFlow("switch ($L)", scope.kindField())
                .add("case $L: {\n$>", FinallyScope.THROW)
                .addStatement("$T $L = $L", Throwable.class, pending, scope.thrownField())
                .addStatement("$L = null", scope.thrownField())
                .addStatement("throw $L", pending)
                .add("$<}\n")
                .add("case $L: {\n$>", FinallyScope.RETURN)
                .add(returnThrough(context.jumps.finallies(), null))
                .add("$<}\n")
                .add("default:\n$>")
                .addStatement("label = $L", scope.kindField())
                .addStatement("continue $L", context.states.resumeLabel())
                .add("$<")
                .endControlFlow()
                .build();
    }

    /** Enters a finally block with a normal completion that goes on at {@code next}. */
    CodeBlock enterFinally(FinallyScope scope, States.State next) {
        next.pin();
        return CodeBlock.builder()
                .add("$L = $L;\n", scope.kindField(), next.id)
                .add(context.states.jumpCode(scope.entry()))
                .build();
    }

    private CodeBlock returnThrough(List<FinallyScope> crossed, CodeBlock value) {
        if (crossed.isEmpty()) {
            return CodeBlock.of("return $L;\n", value != null ? value : returnField());
        }
        CodeBlock.Builder code = CodeBlock.builder();
        if (value != null) {
            code.add("$L = $L;\n", returnField(), value);
        }
        FinallyScope first = crossed.get(0);
        return code.add("$L = $L;\n", first.kindField(), FinallyScope.RETURN)
                .add(context.states.jumpCode(first.entry()))
                .build();
    }

    private CodeBlock route(States.State target, List<FinallyScope> crossed) {
        if (crossed.isEmpty()) {
            return context.states.jumpCode(target);
        }
        States.State next = crossed.size() == 1 ? target : hop(crossed.subList(1, crossed.size()), target);
        return enterFinally(crossed.get(0), next);
    }

    /** The state that, reached from one finally block, enters the next one on the way to {@code target}. */
    private States.State hop(List<FinallyScope> rest, States.State target) {
        Hop key = new Hop(rest.get(0), target);
        States.State hop = hops.get(key);
        if (hop == null) {
            hop = context.states.add("on to the next finally block, then: " + target.comment, null);
            hops.put(key, hop);
            hop.add(route(target, rest));
        }
        return hop;
    }

    private String returnField() {
        if (returnField == null) {
            returnField = context.addField("returned", context.resultType);
        }
        return returnField;
    }
}
