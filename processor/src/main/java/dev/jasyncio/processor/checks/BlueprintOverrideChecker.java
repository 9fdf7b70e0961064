package dev.jasyncio.processor.checks;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.RuntimeApi;
import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reports ordinary methods that override a blueprint: every call of the blueprint is compiled to
 * its companion, so the override would silently never run. (A blueprint overriding anything is
 * {@link BlueprintValidator}'s to report.)
 */
public final class BlueprintOverrideChecker {
    private final Trees trees;
    private final Reporter reporter;
    private final Overrides overrides;

    public BlueprintOverrideChecker(Trees trees, Reporter reporter, Elements elements, Types types) {
        this.trees = trees;
        this.reporter = reporter;
        this.overrides = new Overrides(elements, types);
    }

    public void check(RoundEnvironment round) {
        for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
            check(type);
        }
    }

    private void check(TypeElement type) {
        List<ExecutableElement> inherited = overrides.inheritedBlueprints(type);
        if (!inherited.isEmpty()) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (RuntimeApi.isBlueprint(method)) {
                    continue;
                }
                for (ExecutableElement blueprint : inherited) {
                    if (overrides.overrides(method, blueprint)) {
                        report(method, blueprint);
                        break;
                    }
                }
            }
        }
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                check(nested);
            }
        }
    }

    private void report(ExecutableElement method, ExecutableElement blueprint) {
        TreePath path = trees.getPath(method);
        if (path != null) {
            TypeElement owner = (TypeElement) blueprint.getEnclosingElement();
            reporter.error(String.format(Messages.OVERRIDES_BLUEPRINT, method.getSimpleName() + "(...)",
                    owner.getSimpleName() + "." + blueprint.getSimpleName() + "(...)"), path);
        }
    }
}
