package dev.jasyncio.processor.checks;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.RuntimeApi;
import java.io.IOException;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Warns about a coroutine that is created and dropped: a statement whose value is a
 * {@code Coroutine} (a blueprint or companion call, or any method that returns one). Coroutines are
 * lazy, so it never runs; asyncio notices this only at run time ("coroutine was never awaited").
 * A dropped {@code sleep(...)} is the same mistake: it waits for nothing unless awaited.
 *
 * <p>In a blueprint every statement is checked, those of lambdas and local classes included: a
 * coroutine dropped there never runs either; so is the body of an expression lambda whose function
 * returns void ({@code urls.forEach(url -> fetch(url))}). In ordinary code only companion calls
 * ({@code FetcherAsync.fetch(url);}) are checked, recognised by the name before any attribution, so
 * that ordinary code costs no attribution.
 */
public final class NotAwaitedChecker {
    private static final int LONGEST_QUOTE = 60;

    private final Trees trees;
    private final Reporter reporter;
    private final Elements elements;
    private final Types types;
    private final TypeElement coroutine;

    public NotAwaitedChecker(Trees trees, Reporter reporter, Elements elements, Types types) {
        this.trees = trees;
        this.reporter = reporter;
        this.elements = elements;
        this.types = types;
        this.coroutine = elements.getTypeElement(RuntimeApi.COROUTINE.canonicalName());
    }

    /** Warns about every dropped coroutine in the blueprint's body. */
    public void checkBlueprint(TreePath methodPath) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        if (method.getBody() == null || coroutine == null) {
            return;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
                check(new TreePath(getCurrentPath(), node.getExpression()), true);
                return super.visitExpressionStatement(node, null);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                if (dropsItsValue(getCurrentPath())) {
                    check(new TreePath(getCurrentPath(), node.getBody()), true);
                }
                return super.visitLambdaExpression(node, null);
            }
        }.scan(new TreePath(methodPath, method.getBody()), null);
    }

    /**
     * Warns if a value of ordinary code that {@link #callsCompanion calls a companion} and is
     * dropped (a statement, or the body of a lambda that {@link #dropsItsValue drops it}) is a
     * coroutine.
     *
     * @return false if the call's type is not known yet (its companion is generated in this round)
     */
    public boolean checkOrdinary(TreePath droppedCall) {
        return coroutine == null || check(droppedCall, false);
    }

    /** {@code XAsync.m(...)}, recognised from the tree alone, before any attribution. */
    public static boolean callsCompanion(Tree expression) {
        return expression instanceof MethodInvocationTree call
                && call.getMethodSelect() instanceof MemberSelectTree select
                && (select.getExpression() instanceof IdentifierTree type && type.getName().toString().endsWith("Async")
                        || select.getExpression() instanceof MemberSelectTree qualified
                                && qualified.getIdentifier().toString().endsWith("Async"));
    }

    /**
     * True for a lambda whose body is an expression and whose function returns void, so that the
     * expression's value is dropped: {@code urls.forEach(url -> fetch(url))}.
     */
    public boolean dropsItsValue(TreePath lambdaPath) {
        LambdaExpressionTree lambda = (LambdaExpressionTree) lambdaPath.getLeaf();
        if (lambda.getBodyKind() != LambdaExpressionTree.BodyKind.EXPRESSION
                || !(trees.getTypeMirror(lambdaPath) instanceof DeclaredType target)) {
            return false;
        }
        for (Element member : elements.getAllMembers((TypeElement) target.asElement())) {
            if (member.getKind() == ElementKind.METHOD && member.getModifiers().contains(Modifier.ABSTRACT)
                    && !isObjectMethod((ExecutableElement) member)) {
                return ((ExecutableType) types.asMemberOf(target, member)).getReturnType().getKind() == TypeKind.VOID;
            }
        }
        return false;
    }

    /** An interface may redeclare Object's methods abstractly (Comparator's equals); they are not its function. */
    private static boolean isObjectMethod(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        int parameters = method.getParameters().size();
        return name.equals("equals") && parameters == 1 || (name.equals("hashCode") || name.equals("toString")) && parameters == 0;
    }

    /** Checks one dropped expression; false if its type is not known yet. */
    private boolean check(TreePath path, boolean inBlueprint) {
        Tree expression = path.getLeaf();
        if (!(expression instanceof MethodInvocationTree) && !(expression instanceof NewClassTree)) {
            return true;
        }
        Element called = trees.getElement(path);
        TypeMirror type = trees.getTypeMirror(path);
        String message;
        if (inBlueprint && RuntimeApi.isDone(called)) {
            message = Messages.NOT_AWAITED_DONE;
        } else if (inBlueprint && isSleep(called)) {
            message = Messages.NOT_AWAITED_SLEEP;
        } else if (inBlueprint && callsCompanion(expression) && isUnresolved(type)) {
            // a companion this compilation generates: its type may not be known yet when the
            // blueprint is checked, but a companion method always returns a coroutine
            message = Messages.NOT_AWAITED;
        } else if (isUnresolved(type)) {
            return false;
        } else if (isCoroutine(type)) {
            message = inBlueprint ? Messages.NOT_AWAITED : Messages.NOT_AWAITED_ORDINARY;
        } else {
            return true;
        }
        if (!Suppressions.isSuppressed(trees, path, Suppressions.NOT_AWAITED)) {
            reporter.warning(String.format(message, quote(path)), path);
        }
        return true;
    }

    private static boolean isSleep(Element called) {
        return called instanceof ExecutableElement
                && called.getSimpleName().contentEquals("sleep")
                && called.getEnclosingElement() instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(RuntimeApi.FACADE);
    }

    private static boolean isUnresolved(TypeMirror type) {
        return type == null || type.getKind() == TypeKind.ERROR;
    }

    private boolean isCoroutine(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && types.isSubtype(types.erasure(type), types.erasure(coroutine.asType()));
    }

    /** The call as the user wrote it when it is short and on one line, else its name. */
    private String quote(TreePath path) {
        SourcePositions positions = trees.getSourcePositions();
        long start = positions.getStartPosition(path.getCompilationUnit(), path.getLeaf());
        long end = positions.getEndPosition(path.getCompilationUnit(), path.getLeaf());
        try {
            CharSequence source = path.getCompilationUnit().getSourceFile().getCharContent(true);
            if (start >= 0 && end > start && end <= source.length()) {
                String text = source.subSequence((int) start, (int) end).toString();
                if (text.length() <= LONGEST_QUOTE && text.indexOf('\n') < 0) {
                    return text;
                }
            }
        } catch (IOException unreadable) {
            // fall back to the name, which javac's tree gives without the source
        }
        ExpressionTree expression = (ExpressionTree) path.getLeaf();
        String name = expression instanceof MethodInvocationTree call
                ? call.getMethodSelect().toString() : "new " + ((NewClassTree) expression).getIdentifier();
        return name + "(...)";
    }
}
