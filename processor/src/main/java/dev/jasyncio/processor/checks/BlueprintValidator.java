package dev.jasyncio.processor.checks;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.CompanionNames;
import dev.jasyncio.processor.analysis.RuntimeApi;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;

/** Checks the declaration of a blueprint: its return type, that it has a body, and where it lives. */
public final class BlueprintValidator {
    private final Trees trees;
    private final Reporter reporter;
    private final Overrides overrides;

    public BlueprintValidator(Trees trees, Reporter reporter, Elements elements, Types types) {
        this.trees = trees;
        this.reporter = reporter;
        this.overrides = new Overrides(elements, types);
    }

    /** Reports every problem of the declaration; true if there was none. */
    public boolean validate(ExecutableElement blueprint, TreePath methodPath) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        boolean valid = true;
        if (!isCoroutine(blueprint.getReturnType())) {
            Tree at = method.getReturnType() != null ? method.getReturnType() : method;
            String result = blueprint.getReturnType().getKind() == TypeKind.VOID
                    ? "Void" : boxedName(blueprint.getReturnType());
            reporter.error(String.format(Messages.WRONG_RETURN_TYPE, result), at, methodPath.getCompilationUnit());
            valid = false;
        }
        if (blueprint.getModifiers().contains(Modifier.ABSTRACT) || method.getBody() == null
                && !blueprint.getModifiers().contains(Modifier.NATIVE)) {
            reporter.error(Messages.ABSTRACT_BLUEPRINT, method, methodPath.getCompilationUnit());
            valid = false;
        }
        if (blueprint.getModifiers().contains(Modifier.NATIVE)) {
            reporter.error(Messages.NATIVE_BLUEPRINT, method, methodPath.getCompilationUnit());
            valid = false;
        }
        ExecutableElement overridden = overrides.overridden(blueprint);
        if (overridden != null) {
            TypeElement owner = (TypeElement) overridden.getEnclosingElement();
            reporter.error(String.format(Messages.BLUEPRINT_OVERRIDES, owner.getSimpleName() + "." + overridden.getSimpleName(),
                    owner.getSimpleName(), CompanionNames.companionOf((TypeElement) blueprint.getEnclosingElement()).simpleName()
                            + "." + blueprint.getSimpleName()), methodPath);
            valid = false;
        }
        return validateHost(blueprint, methodPath) && valid;
    }

    private boolean validateHost(ExecutableElement blueprint, TreePath methodPath) {
        TypeElement host = (TypeElement) blueprint.getEnclosingElement();
        for (Element e = host; e instanceof TypeElement type; e = type.getEnclosingElement()) {
            if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
                String kind = type.getNestingKind() == NestingKind.LOCAL ? "local" : "anonymous";
                reporter.error(String.format(Messages.NO_COMPANION_HOST, kind), methodPath);
                return false;
            }
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                reporter.error(String.format(Messages.PRIVATE_HOST,
                        CompanionNames.companionOf(host).simpleName(), type.getSimpleName()),
                        methodPath);
                return false;
            }
        }
        TypeElement topLevel = CompanionNames.topLevelOf(host);
        if (!methodPath.getCompilationUnit().getSourceFile().isNameCompatible(topLevel.getSimpleName().toString(),
                JavaFileObject.Kind.SOURCE)) {
            String file = methodPath.getCompilationUnit().getSourceFile().getName().replaceAll(".*[/\\\\]", "");
            reporter.error(String.format(Messages.AUXILIARY_HOST, topLevel.getSimpleName(), file), methodPath);
            return false;
        }
        if (!blueprint.getModifiers().contains(Modifier.STATIC)) {
            for (TypeParameterElement methodVariable : blueprint.getTypeParameters()) {
                for (TypeParameterElement classVariable : host.getTypeParameters()) {
                    if (methodVariable.getSimpleName().equals(classVariable.getSimpleName())) {
                        reporter.error(String.format(Messages.CONFLICTING_TYPE_VARIABLE, methodVariable.getSimpleName()),
                                trees.getTree(methodVariable), methodPath.getCompilationUnit());
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean isCoroutine(TypeMirror type) {
        return type instanceof DeclaredType declared
                && declared.getTypeArguments().size() == 1
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(RuntimeApi.COROUTINE.canonicalName());
    }

    private static String boxedName(TypeMirror type) {
        return switch (type.getKind()) {
            case INT -> "Integer";
            case CHAR -> "Character";
            case BOOLEAN, BYTE, SHORT, LONG, FLOAT, DOUBLE -> {
                String name = type.getKind().name().toLowerCase(java.util.Locale.ROOT);
                yield Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }
            case DECLARED -> ((DeclaredType) type).asElement().getSimpleName().toString();
            default -> "T";
        };
    }
}
