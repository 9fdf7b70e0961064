package dev.jasyncio.processor.checks;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.CompanionNames;
import dev.jasyncio.processor.analysis.RuntimeApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Finds, in ordinary code, what only works inside a blueprint: {@code await(...)}, direct calls
 * of blueprints (which would run the blueprint instead of creating a coroutine), and blueprints in
 * local or anonymous classes, which can have no companion; and companion calls whose coroutine is
 * dropped ({@link NotAwaitedChecker}), except in generated code, which is not the user's to fix.
 *
 * <p>Only invocations whose simple name could match are attributed, so code that does not
 * mention {@code await}, a blueprint's name or a companion costs no attribution.
 */
public final class StrayAwaitScanner {
    private final Trees trees;
    private final Reporter reporter;
    private final NotAwaitedChecker notAwaited;
    private final DeferredCalls deferred;

    /**
     * @param deferred where statements go whose check must wait for a later round, which the
     *     caller runs with {@link DeferredCalls#recheck}
     */
    public StrayAwaitScanner(Trees trees, Reporter reporter, NotAwaitedChecker notAwaited, DeferredCalls deferred) {
        this.trees = trees;
        this.reporter = reporter;
        this.notAwaited = notAwaited;
        this.deferred = deferred;
    }

    /**
     * Checks every compilation unit of the round once. A unit whose attribution would break a
     * record's constructor ({@link RecordConstructorHazard}) is never attributed here (javac
     * cleans the trees of every round, the last included, before it compiles them), and a misuse
     * in it is left to javac and the run time. That is asked only of a unit with something to
     * attribute: most have nothing, and the answer walks the unit's classes.
     */
    public void scan(RoundEnvironment round, Set<String> blueprintNames, RecordConstructorHazard records) {
        Map<CompilationUnitTree, List<Element>> rootsByUnit = new LinkedHashMap<>();
        for (Element root : round.getRootElements()) {
            TreePath path = trees.getPath(root);
            if (path != null) {
                rootsByUnit.computeIfAbsent(path.getCompilationUnit(), unit -> new ArrayList<>()).add(root);
            }
        }
        rootsByUnit.forEach((unit, roots) -> scan(roots.get(0), unit, blueprintNames,
                () -> roots.stream().noneMatch(root -> root instanceof TypeElement type && !records.endangeredBy(type).isEmpty())));
    }

    private void scan(Element root, CompilationUnitTree unit, Set<String> blueprintNames, BooleanSupplier safeToAttribute) {
        boolean usersCode = !isGenerated(root);
        new TreePathScanner<Void, Void>() {
            private Boolean attributable;

            private boolean mayAttribute() {
                if (attributable == null) {
                    attributable = safeToAttribute.getAsBoolean();
                }
                return attributable;
            }

            @Override
            public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
                if (usersCode && NotAwaitedChecker.callsCompanion(node.getExpression()) && !insideBlueprint(getCurrentPath())
                        && mayAttribute()) {
                    checkDropped(new TreePath(getCurrentPath(), node.getExpression()));
                }
                return super.visitExpressionStatement(node, null);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                if (usersCode && NotAwaitedChecker.callsCompanion(node.getBody()) && !insideBlueprint(getCurrentPath())
                        && mayAttribute()) {
                    TreePath body = new TreePath(getCurrentPath(), node.getBody());
                    if (trees.getTypeMirror(getCurrentPath()) == null) {
                        // not attributed yet: whether the lambda drops its value is decided with the call
                        deferred.add(root, body, trees);
                    } else if (notAwaited.dropsItsValue(getCurrentPath())) {
                        checkDropped(body);
                    }
                }
                return super.visitLambdaExpression(node, null);
            }

            private void checkDropped(TreePath call) {
                if (!notAwaited.checkOrdinary(call)) {
                    deferred.add(root, call, trees);
                }
            }

            @Override
            public Void visitMethod(MethodTree node, Void unused) {
                if (node.getModifiers().getAnnotations().stream().anyMatch(a -> a.getAnnotationType().toString().endsWith("Async"))
                        && mayAttribute()) {
                    checkHost(getCurrentPath());
                }
                return super.visitMethod(node, null);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                String name = RuntimeApi.calledName(node);
                // a companion call (XAsync.m(...)) is never the blueprint itself, and attributing one
                // whose companion this round generates makes javac 25 report errors of its inference;
                // nor is a call in a blueprint, whose class must not be attributed before its companion
                // exists (CompanionMentions)
                boolean candidate = name.equals("await") || blueprintNames.contains(name) && !NotAwaitedChecker.callsCompanion(node);
                if (candidate && !insideBlueprint(getCurrentPath()) && mayAttribute()) {
                    check(getCurrentPath());
                }
                return super.visitMethodInvocation(node, null);
            }
        }.scan(unit, null);
    }

    private void check(TreePath path) {
        Element called = trees.getElement(path);
        boolean isAwait = RuntimeApi.isAwait(called);
        boolean isBlueprint = RuntimeApi.isBlueprint(called);
        if (!isAwait && !isBlueprint) {
            return;
        }
        if (isAwait) {
            reporter.error(Messages.AWAIT_OUTSIDE_ASYNC, path);
            return;
        }
        ExecutableElement blueprint = (ExecutableElement) called;
        TypeElement owner = (TypeElement) blueprint.getEnclosingElement();
        reporter.error(String.format(Messages.BLUEPRINT_CALLED_DIRECTLY,
                owner.getSimpleName() + "." + blueprint.getSimpleName() + "(...)",
                CompanionNames.companionOf(owner).simpleName() + "." + blueprint.getSimpleName() + "(...)"), path);
    }

    /** javac never lists methods of local and anonymous classes as annotated elements: they are checked here. */
    private void checkHost(TreePath method) {
        Element element = trees.getElement(method);
        if (RuntimeApi.isBlueprint(element) && element.getEnclosingElement() instanceof TypeElement host
                && (host.getNestingKind() == NestingKind.LOCAL || host.getNestingKind() == NestingKind.ANONYMOUS)) {
            String kind = host.getNestingKind() == NestingKind.LOCAL ? "local" : "anonymous";
            reporter.error(String.format(Messages.NO_COMPANION_HOST, kind), method);
        }
    }

    private static boolean isGenerated(Element root) {
        return root.getAnnotationMirrors().stream().anyMatch(annotation -> ((TypeElement) annotation.getAnnotationType()
                .asElement()).getQualifiedName().toString().matches("javax\\.annotation(\\.processing)?\\.Generated"));
    }

    /** Inside a blueprint's body, where lambdas and classes are reported by the blueprint's own checks. */
    private boolean insideBlueprint(TreePath path) {
        for (TreePath up = path; up != null; up = up.getParentPath()) {
            if (up.getLeaf() instanceof MethodTree && RuntimeApi.isBlueprint(trees.getElement(up))) {
                return true;
            }
        }
        return false;
    }
}
