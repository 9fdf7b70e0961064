package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import dev.jasyncio.processor.analysis.CompanionNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** A call of a blueprint inside a blueprint becomes a call of its companion, which creates its machine. */
final class BlueprintCalls {
    private BlueprintCalls() {}

    static CodeBlock companionCall(ExecutableElement blueprint, CodeBlock receiver, List<CodeBlock> arguments) {
        List<CodeBlock> all = new ArrayList<>();
        if (receiver != null) {
            all.add(receiver);
        }
        all.addAll(arguments);
        return CodeBlock.of("$T.$L($L)",
                CompanionNames.companionOf((TypeElement) blueprint.getEnclosingElement()),
                blueprint.getSimpleName(),
                CodeBlock.join(all, ", "));
    }
}
