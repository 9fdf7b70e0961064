package dev.jasyncio.processor.lowering;

import static dev.jasyncio.processor.lowering.LoweringContext.child;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.jasyncio.processor.analysis.RuntimeApi;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * Lowers a {@code try} statement with a suspension point in any of its blocks. Its blocks become
 * states in {@link Region}s, so the machine's exception handler sends what they throw to the
 * right catch block; its finally block becomes states entered with a note of how the protected
 * code ended ({@link FinallyScope}), so that after the block the machine goes on with that
 * completion: the next state, the exception, the return, or a jump through further finally blocks.
 */
final class TryLowering {
    private final LoweringContext context;
    private final Consumer<TreePath> statements;
    private final ExpressionLowering expressions;

    TryLowering(LoweringContext context, Consumer<TreePath> statements, ExpressionLowering expressions) {
        this.context = context;
        this.statements = statements;
        this.expressions = expressions;
    }

    /**
     * A try-with-resources with catch or finally clauses is a plain try around the resources, as
     * JLS 14.20.3.2 defines it: the clauses see what closing throws.
     */
    void lower(TreePath path, TryTree tree) {
        boolean clauses = !tree.getCatches().isEmpty() || tree.getFinallyBlock() != null;
        if (tree.getResources().isEmpty()) {
            tryStatement(path, tree, () -> statements.accept(child(path, tree.getBlock())));
        } else if (clauses) {
            tryStatement(path, tree, () -> resources(path, tree, 0));
        } else {
            resources(path, tree, 0);
        }
    }

    private void tryStatement(TreePath path, TryTree tree, Runnable protectedBlock) {
        States states = context.states;
        Region outer = states.region();
        FinallyScope finallyScope = tree.getFinallyBlock() == null ? null
                : newFinally(context.describe(tree.getFinallyBlock(), "finally block"), outer);
        Region catchRegion = finallyScope == null ? outer : new Region(outer, List.of(), finallyScope);
        List<Region.Handler> handlers = new ArrayList<>();
        for (CatchTree clause : tree.getCatches()) {
            States.State entry = states.add(context.describe(clause, "catch (" + context.text(clause.getParameter()) + ")"),
                    catchRegion);
            entry.pin();
            handlers.add(new Region.Handler(caughtTypes(child(child(path, clause), clause.getParameter())), entry));
        }
        Region tryRegion = new Region(outer, handlers, finallyScope);
        States.State after = states.add(context.describe(tree, "after the try statement"), outer);
        States.State body = states.add(context.describe(tree.getBlock(), "try block"), tryRegion);
        states.jump(body);
        states.enter(body);
        if (finallyScope != null) {
            context.jumps.pushFinally(finallyScope);
        }
        states.region(tryRegion);
        protectedBlock.run();
        leave(finallyScope, after);
        states.region(catchRegion);
        for (int i = 0; i < handlers.size(); i++) {
            CatchTree clause = tree.getCatches().get(i);
            TreePath clausePath = child(path, clause);
            states.enter(handlers.get(i).entry());
            declareCaught(child(clausePath, clause.getParameter()));
            statements.accept(child(clausePath, clause.getBlock()));
            leave(finallyScope, after);
        }
        states.region(outer);
        if (finallyScope != null) {
            context.jumps.pop();
            states.enter(finallyScope.entry());
            statements.accept(child(path, tree.getFinallyBlock()));
            if (states.reachable()) {
                states.emit(context.exits.finallyEnd(finallyScope));
                states.terminate();
            }
        }
        states.enter(after);
    }

    /**
     * Resource {@code index} and the rest of the statement: each resource is a try-finally
     * around the resources after it and the block (JLS 14.20.3.1), whose finally block closes it,
     * attaching what closing throws to the exception that is already on its way, if any.
     */
    private void resources(TreePath path, TryTree tree, int index) {
        if (index == tree.getResources().size()) {
            statements.accept(child(path, tree.getBlock()));
            return;
        }
        States states = context.states;
        Tree resource = tree.getResources().get(index);
        TreePath resourcePath = child(path, resource);
        String name;
        TypeMirror type;
        if (resource instanceof VariableTree) {
            statements.accept(resourcePath);
            Element element = context.trees.getElement(resourcePath);
            name = context.localName(element);
            type = element.asType();
        } else {
            type = context.trees.getTypeMirror(resourcePath);
            Value value = expressions.lower(resourcePath);
            name = context.addField("resource", context.projector.project(type));
            states.emit("$L = $L;\n", name, value.code());
            context.temps.release();
        }
        if (!states.reachable()) {
            return;
        }
        Region outer = states.region();
        FinallyScope closing = newFinally(context.describe(resource, "closes " + context.text(resource)), outer);
        Region guarded = new Region(outer, List.of(), closing);
        States.State inside = states.add(context.describe(resource, "uses " + context.text(resource)), guarded);
        States.State after = states.add(context.describe(resource, "after closing " + context.text(resource)), outer);
        states.jump(inside);
        states.enter(inside);
        states.region(guarded);
        context.jumps.pushFinally(closing);
        resources(path, tree, index + 1);
        context.jumps.pop();
        leave(closing, after);
        states.region(outer);
        states.enter(closing.entry());
        if (RuntimeApi.isAsyncCloseable(type, context.types)) {
            closeAsync(name, closing, resource);
        } else {
            close(name, closing);
        }
        states.enter(after);
    }

    private void close(String resource, FinallyScope closing) {
        String suppressed = context.names.fresh("suppressed");
        context.states.emit(CodeBlock.builder()
                .beginControlFlow("if ($L != null)", resource)
                .beginControlFlow("if ($L == $L)", closing.kindField(), FinallyScope.THROW)
                .beginControlFlow("try")
                .addStatement("$L.close()", resource)
                .nextControlFlow("catch ($T $L)", Throwable.class, suppressed)
                .addStatement("$L.addSuppressed($L)", closing.thrownField(), suppressed)
                .endControlFlow()
                .nextControlFlow("else")
                .addStatement("$L.close()", resource)
                .endControlFlow()
                .addStatement("$L = null", resource)
                .endControlFlow()
                .add(context.exits.finallyEnd(closing))
                .build());
        context.states.terminate();
    }

    /**
     * Closing an {@link RuntimeApi#ASYNC_CLOSEABLE} awaits it. With an exception on its way the
     * await is guarded by a catch-all region whose handler attaches what closing threw to it.
     */
    private void closeAsync(String resource, FinallyScope closing, Tree at) {
        States states = context.states;
        Region outer = states.region();
        States.State closed = states.add(context.describe(at, "closed " + context.text(at)), outer);
        States.State suppress = states.add(context.describe(at, "closing failed while an exception was on its way"), outer);
        suppress.pin();
        Region guarded = new Region(outer, List.of(new Region.Handler(List.of(TypeName.get(Throwable.class)), suppress)), null);
        States.State closingWhileThrowing = states.add(context.describe(at, "closes " + context.text(at)
                + " while an exception is on its way"), guarded);
        states.emit("if ($L == null) {\n$>$L$<}\n", resource, states.jumpCode(closed));
        states.emit("if ($L == $L) {\n$>$L$<}\n", closing.kindField(), FinallyScope.THROW, states.jumpCode(closingWhileThrowing));
        awaitClose(resource, at, closed);
        states.enter(closingWhileThrowing);
        states.region(guarded);
        awaitClose(resource, at, closed);
        states.region(outer);
        states.enter(suppress);
        String caught = context.dispatch.caughtField();
        states.emit("$L.addSuppressed($L);\n$L = null;\n", closing.thrownField(), caught, caught);
        states.jump(closed);
        states.enter(closed);
        states.emit("$L = null;\n", resource);
        states.emit(context.exits.finallyEnd(closing));
        states.terminate();
    }

    private void awaitClose(String resource, Tree at, States.State then) {
        States states = context.states;
        States.State resume = states.add(context.describe(at, "resumes after closing " + context.text(at)));
        states.emit("label = $L;\n", resume.id);
        states.emit("if (awaitSuspends($L.closeAsync())) {\n$>return SUSPENDED;\n$<}\n", resource);
        states.continueAt(resume);
        states.enter(resume);
        states.emit("resumeValue();\n");
        states.jump(then);
    }

    /** A finally block whose states lie in {@code region}, the region around its try statement. */
    private FinallyScope newFinally(String comment, Region region) {
        States.State entry = context.states.add(comment, region);
        entry.pin();
        return new FinallyScope(context.addField("finallyGoesOn", TypeName.INT),
                context.addField("finallyThrown", TypeName.get(Throwable.class)), entry);
    }

    /** Ends a block of the try statement that completed normally: on after the statement, through its finally block. */
    private void leave(FinallyScope finallyScope, States.State after) {
        if (!context.states.reachable()) {
            return;
        }
        if (finallyScope == null) {
            context.states.jump(after);
        } else {
            context.states.emit(context.exits.enterFinally(finallyScope, after));
            context.states.terminate();
        }
    }

    private List<TypeName> caughtTypes(TreePath parameter) {
        Tree type = ((VariableTree) parameter.getLeaf()).getType();
        List<Tree> alternatives = type instanceof UnionTypeTree union ? List.copyOf(union.getTypeAlternatives()) : List.of(type);
        List<TypeName> types = new ArrayList<>();
        for (Tree alternative : alternatives) {
            types.add(context.projector.project(context.trees.getTypeMirror(child(child(parameter, type), alternative))));
        }
        return types;
    }

    /** The catch block's parameter takes the exception the handler left in the caught field. */
    private void declareCaught(TreePath parameter) {
        Element element = context.trees.getElement(parameter);
        String name = context.declareStateLocal(element);
        TypeName type = context.projector.project(element.asType());
        String caught = context.dispatch.caughtField();
        if (context.isField(element)) {
            context.states.emit("$L = ($T) $L;\n", name, type, caught);
        } else {
            context.states.emit("$T $L = ($T) $L;\n", type, name, type, caught);
        }
        context.states.emit("$L = null;\n", caught);
    }
}
