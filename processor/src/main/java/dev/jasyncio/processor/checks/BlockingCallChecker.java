package dev.jasyncio.processor.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.RuntimeApi;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Warns about calls in a blueprint that block the thread ({@link BlockingCalls}): the coroutine
 * runs on the event loop's thread, so while it blocks no other coroutine of the loop runs.
 *
 * <p>Code in a lambda or a class body inside the blueprint is left alone: it runs wherever it is
 * called, which is often another thread (the blocking work handed to an executor is exactly what
 * the warning proposes).
 */
public final class BlockingCallChecker {
    private final Trees trees;
    private final Reporter reporter;
    private final Elements elements;
    private final Types types;

    public BlockingCallChecker(Trees trees, Reporter reporter, Elements elements, Types types) {
        this.trees = trees;
        this.reporter = reporter;
        this.elements = elements;
        this.types = types;
    }

    /** Warns about every blocking call of the blueprint's own code. */
    public void check(TreePath methodPath) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        if (method.getBody() == null) {
            return;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (BlockingCalls.METHOD_NAMES.contains(RuntimeApi.calledName(node))) {
                    checkCall(getCurrentPath(), node);
                }
                return super.visitMethodInvocation(node, null);
            }

            @Override
            public Void visitNewClass(NewClassTree node, Void unused) {
                if (node.getClassBody() == null && node.getIdentifier().toString().endsWith("Socket")
                        && trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor) {
                    TypeElement created = (TypeElement) constructor.getEnclosingElement();
                    report(getCurrentPath(), constructor, created.asType(), null, "new " + created.getSimpleName() + "(...)");
                }
                return super.visitNewClass(node, null);
            }
        }.scan(new TreePath(methodPath, method.getBody()), null);
    }

    private void checkCall(TreePath path, MethodInvocationTree call) {
        if (!(trees.getElement(path) instanceof ExecutableElement called)) {
            return;
        }
        TypeMirror receiver;
        ExpressionTree receiverTree = null;
        if (call.getMethodSelect() instanceof MemberSelectTree select) {
            receiverTree = select.getExpression();
            receiver = trees.getTypeMirror(new TreePath(new TreePath(path, select), receiverTree));
        } else {
            receiver = called.getEnclosingElement().asType();
        }
        String name = called.getEnclosingElement().getSimpleName() + "." + called.getSimpleName() + "(...)";
        report(path, called, receiver, receiverTree, name);
    }

    private void report(TreePath path, ExecutableElement called, TypeMirror receiver, ExpressionTree receiverTree,
            String name) {
        if (receiver == null || receiver.getKind() != TypeKind.DECLARED && receiver.getKind() != TypeKind.TYPEVAR
                || isAny(receiver, BlockingCalls.IN_MEMORY)) {
            return;
        }
        for (BlockingCalls.Entry entry : BlockingCalls.entries()) {
            if (called.getSimpleName().contentEquals(entry.method())
                    && (entry.arity() < 0 || entry.arity() == called.getParameters().size())
                    && isAny(receiver, List.of(entry.type()))) {
                if (!Suppressions.isSuppressed(trees, path, Suppressions.BLOCKING)) {
                    String alternative = String.format(entry.alternative(), receiverTree == null ? "this" : receiverTree);
                    reporter.warning(String.format(Messages.BLOCKING_CALL, name, alternative), path);
                }
                return;
            }
        }
    }

    private boolean isAny(TypeMirror type, List<String> names) {
        TypeMirror erased = types.erasure(type);
        for (String name : names) {
            Element known = elements.getTypeElement(name);
            if (known != null && types.isSubtype(erased, types.erasure(known.asType()))) {
                return true;
            }
        }
        return false;
    }
}
