package dev.jasyncio.processor.analysis;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The labels and the guard of a {@code case}, read through the running javac's own tree scanner.
 * javac 21 gave {@code CaseTree} pattern labels, {@code case null} and guards
 * ({@code case Circle c when c.r() > 0}), which the Java 17 API the processor is compiled against
 * cannot name; the scanner of any javac visits a case's labels, then its guard, then its body.
 */
public final class CaseLabels {
    private static final String CASE_LABEL_SUFFIX = "_CASE_LABEL";

    private CaseLabels() {}

    /**
     * The trees of a case before its body: the labels ({@code CONSTANT_CASE_LABEL},
     * {@code PATTERN_CASE_LABEL}, {@code DEFAULT_CASE_LABEL} on javac 21 and later; bare constant
     * expressions on javac 17) followed by the guard, if any.
     */
    public static List<Tree> head(CaseTree clause) {
        List<Tree> children = TreeChildren.of(clause);
        children.remove(clause.getBody());
        if (clause.getStatements() != null) {
            children.removeAll(clause.getStatements());
        }
        return children;
    }

    /** The labels of a case, without its guard. */
    public static List<Tree> labels(CaseTree clause) {
        List<Tree> labels = head(clause);
        labels.remove(guard(clause));
        return labels;
    }

    /** The guard of {@code case P when guard}, or null. */
    public static ExpressionTree guard(CaseTree clause) {
        for (Tree tree : head(clause)) {
            if (!isLabel(tree) && clause.getExpressions().stream().noneMatch(constant -> constant == tree)) {
                return (ExpressionTree) tree;
            }
        }
        return null;
    }

    /** A {@code default} label, alone or in {@code case null, default}. */
    public static boolean isDefault(CaseTree clause) {
        boolean defaultLabel = head(clause).stream().anyMatch(t -> t.getKind().name().equals("DEFAULT_CASE_LABEL"));
        return defaultLabel || clause.getExpressions().isEmpty() && !hasPatternLabel(clause);
    }

    /** A {@code case null} label, alone or in {@code case null, default}. */
    public static boolean hasNull(CaseTree clause) {
        return clause.getExpressions().stream().anyMatch(constant -> constant.getKind() == Tree.Kind.NULL_LITERAL);
    }

    /**
     * A case that only a Java 21 switch has: a pattern label, {@code case null}, or a guard. Such a
     * switch must be exhaustive (JLS 14.11.2).
     */
    public static boolean needsPatternSwitch(CaseTree clause) {
        return hasPatternLabel(clause) || guard(clause) != null || hasNull(clause);
    }

    /**
     * An enhanced switch (JLS 14.11.2): one with a pattern or {@code case null}, or whose selector
     * type is not one an old switch takes. It is exhaustive, so with every case jumping away no
     * code after it is reachable.
     */
    public static boolean isEnhanced(TypeMirror selector, List<? extends CaseTree> cases, Types types) {
        return !isClassicSelector(selector, types) || cases.stream().anyMatch(CaseLabels::needsPatternSwitch);
    }

    private static boolean isClassicSelector(TypeMirror selector, Types types) {
        TypeMirror type = selector;
        if (type.getKind() == TypeKind.DECLARED) {
            String name = types.erasure(type).toString();
            if (name.equals("java.lang.String") || types.asElement(type).getKind() == ElementKind.ENUM) {
                return true;
            }
            try {
                type = types.unboxedType(type);
            } catch (IllegalArgumentException notABox) {
                return false;
            }
        }
        return switch (type.getKind()) {
            case CHAR, BYTE, SHORT, INT -> true;
            default -> false;
        };
    }

    /**
     * True if a label of the case, its guard left aside, matches every value of the selector's
     * type but null: a type pattern whose type's erasure is a supertype of the selector type's
     * erasure (JLS 14.30.3). Such a switch may not have a {@code default} label too.
     */
    public static boolean matchesEveryValue(TreePath clausePath, TypeMirror selector, Trees trees, Types types) {
        for (Tree label : labels((CaseTree) clausePath.getLeaf())) {
            if (!label.getKind().name().equals("PATTERN_CASE_LABEL")) {
                continue;
            }
            for (Tree pattern : TreeChildren.of(label)) {
                if (pattern instanceof BindingPatternTree binding) {
                    TreePath variable = new TreePath(new TreePath(new TreePath(clausePath, label), pattern), binding.getVariable());
                    Element element = trees.getElement(variable);
                    if (element != null && types.isSubtype(types.erasure(selector), types.erasure(element.asType()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasPatternLabel(CaseTree clause) {
        return head(clause).stream().anyMatch(t -> t.getKind().name().equals("PATTERN_CASE_LABEL"));
    }

    private static boolean isLabel(Tree tree) {
        return tree.getKind().name().endsWith(CASE_LABEL_SUFFIX);
    }
}
