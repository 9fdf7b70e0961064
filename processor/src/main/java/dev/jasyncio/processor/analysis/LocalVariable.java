package dev.jasyncio.processor.analysis;

import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.VariableElement;

/**
 * What the analysis learned about one parameter or local of a blueprint: where it is in scope,
 * where it is used, and whether it is written after its declaration.
 */
public final class LocalVariable {
    final VariableElement element;
    final TreePath declaration;
    final long declaredAt;
    final long declarationEnd;
    final long scopeEnd;
    final boolean parameter;
    final List<Long> references = new ArrayList<>();
    boolean reassigned;

    LocalVariable(VariableElement element, TreePath declaration, long declaredAt, long declarationEnd, long scopeEnd,
            boolean parameter) {
        this.element = element;
        this.declaration = declaration;
        this.declaredAt = declaredAt;
        this.declarationEnd = declarationEnd;
        this.scopeEnd = scopeEnd;
        this.parameter = parameter;
    }

    public VariableElement element() {
        return element;
    }

    /** Where it is declared: kept from the analysis, since {@code Trees.getPath} of a local searches its whole file. */
    public TreePath declaration() {
        return declaration;
    }

    /** Its value can be read late without changing the program: it is never written after its declaration. */
    public boolean isEffectivelyFinal() {
        return !reassigned;
    }
}
