package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handler around the machine's switch that sends an exception thrown in a state to the catch
 * clause or finally block of the lowered try statement covering that state, found by the label
 * (see {@link Region}). Machines without lowered try statements get no handler.
 */
final class ExceptionDispatch {
    private final LoweringContext context;
    private String caughtField;

    ExceptionDispatch(LoweringContext context) {
        this.context = context;
    }

    /** The field in which an exception travels from the handler to the catch block it enters. */
    String caughtField() {
        if (caughtField == null) {
            caughtField = context.addField("caught", ClassName.get(Throwable.class));
        }
        return caughtField;
    }

    /**
     * The body of the handler, which has the exception in {@code thrown}; null if no state lies in
     * a region.
     */
    CodeBlock write(List<States.State> states, String thrown) {
        Map<Region, List<Integer>> byRegion = new LinkedHashMap<>();
        for (States.State state : states) {
            if (state.region != null) {
                byRegion.computeIfAbsent(state.region, r -> new ArrayList<>()).add(state.id);
            }
        }
        if (byRegion.isEmpty()) {
            return null;
        }
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (label)");
        byRegion.forEach((region, ids) -> {
            for (int i = 0; i < ids.size() - 1; i++) {
                code.add("case $L:\n", ids.get(i));
            }
            code.add("case $L: {\n$>", ids.get(ids.size() - 1)).add(handle(region, thrown)).add("$<}\n");
        });
        code.add("default:\n$>").addStatement("throw $L", thrown).add("$<");
        return code.endControlFlow().build();
    }

    private CodeBlock handle(Region region, String thrown) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Region r = region; r != null; r = r.parent()) {
            for (Region.Handler handler : r.handlers()) {
                CodeBlock.Builder test = CodeBlock.builder();
                for (TypeName type : handler.types()) {
                    test.add(test.isEmpty() ? "$L instanceof $T" : " || $L instanceof $T", thrown, type);
                }
                code.beginControlFlow("if ($L)", test.build())
                        .addStatement("$L = $L", caughtField(), thrown)
                        .add(context.states.jumpCode(handler.entry()))
                        .endControlFlow();
            }
            FinallyScope finallyScope = r.finallyOnThrow();
            if (finallyScope != null) {
                return code.addStatement("$L = $L", finallyScope.thrownField(), thrown)
                        .addStatement("$L = $L", finallyScope.kindField(), FinallyScope.THROW)
                        .add(context.states.jumpCode(finallyScope.entry()))
                        .build();
            }
        }
        return code.addStatement("throw $L", thrown).build();
    }
}
