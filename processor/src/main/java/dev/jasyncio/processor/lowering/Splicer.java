package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.analysis.TreeChildren;
import dev.jasyncio.processor.checks.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Writes an await-free part of a blueprint into the machine: the user's own source text, with
 * exactly the pieces changed that mean something else outside the blueprint's class. Locals get
 * their machine names, members of the class are reached through the receiver or the class name,
 * types go through JavaPoet so the generated file imports them, calls to blueprints go to their
 * companions, {@code return done(x)} returns x, and jumps out of the part become state changes.
 */
final class Splicer {
    /**
     * Where the part being written sits relative to the structures it contains.
     *
     * @param inBody inside a lambda or class body: its returns and jumps are its own
     * @param classBody the innermost local or anonymous class being copied, whose own members and
     *     {@code this} must stay as written; null outside one
     */
    private record Nesting(int loops, int switches, boolean switchExpression, Set<String> labels, boolean inBody,
            TypeElement classBody) {
        Nesting enterLoop() {
            return new Nesting(loops + 1, switches, switchExpression, labels, inBody, classBody);
        }

        Nesting enterSwitch() {
            return new Nesting(loops, switches + 1, switchExpression, labels, inBody, classBody);
        }

        Nesting enterSwitchExpression() {
            return new Nesting(loops, switches, true, labels, inBody, classBody);
        }

        Nesting enterLabel(String label) {
            Set<String> more = new HashSet<>(labels);
            more.add(label);
            return new Nesting(loops, switches, switchExpression, more, inBody, classBody);
        }

        Nesting enterLambda() {
            return new Nesting(0, 0, false, Set.of(), true, classBody);
        }

        Nesting enterClass(TypeElement type) {
            return new Nesting(0, 0, false, Set.of(), true, type);
        }
    }

    private final LoweringContext context;
    private final Access access;
    private int depth;
    private int lineIndent;
    /** Pattern bindings that the code being written declares under another name (see {@link #spliceCaseHead}). */
    private Map<Element, String> renamed = Map.of();
    /** Operands whose awaits lowering has taken apart: the code it left for them replaces their text (see {@link #spliceWith}). */
    private Map<Tree, CodeBlock> lowered = Map.of();

    Splicer(LoweringContext context) {
        this.context = context;
        this.access = context.access;
    }

    CodeBlock splice(TreePath path) {
        SplicedCode out = new SplicedCode();
        boolean outermost = depth++ == 0;
        if (outermost) {
            lineIndent = context.lineIndentOf(path.getLeaf());
        }
        try {
            write(path, new Nesting(0, 0, false, Set.of(), false, null), out);
        } finally {
            depth--;
        }
        return out.build();
    }

    /**
     * {@link #splice} of an expression some of whose operands awaited, such as the arguments of an
     * anonymous class: lowering has already evaluated them, in order, to the code given for each.
     */
    CodeBlock spliceWith(TreePath path, Map<Tree, CodeBlock> operands) {
        Map<Tree, CodeBlock> outer = lowered;
        lowered = new IdentityHashMap<>(outer);
        lowered.putAll(operands);
        try {
            return splice(path);
        } finally {
            lowered = outer;
        }
    }

    /**
     * The labels and guard of a case, {@code case Circle c when c.r() > 0}, as they go into the
     * machine's dispatch switch. The pattern bindings are declared there under the names given in
     * {@code bindings}, which the guard uses too; the dispatch copies them to the machine's fields
     * for the case's states.
     */
    CodeBlock spliceCaseHead(TreePath clausePath, long headEnd, Map<Element, String> bindings) {
        SplicedCode out = new SplicedCode();
        lineIndent = context.lineIndentOf(clausePath.getLeaf());
        depth++;
        renamed = bindings;
        try {
            copyRange(clausePath, context.start(clausePath.getLeaf()), headEnd,
                    new Nesting(0, 0, false, Set.of(), false, null), out);
        } finally {
            renamed = Map.of();
            depth--;
        }
        return out.build();
    }

    /**
     * Source text as it goes into the machine. Continuation lines lose the indentation of the line
     * the piece started on, because JavaPoet indents them again; text blocks are left exactly as
     * they are, since their content depends on their lines' indentation.
     */
    private void addText(String text, SplicedCode out) {
        boolean reindent = lineIndent > 0 && text.indexOf('\n') >= 0 && !text.contains("\"\"\"");
        out.text(reindent ? outdented(text) : text);
    }

    /** The text with up to {@code lineIndent} spaces or tabs removed after each line break. */
    private String outdented(String text) {
        StringBuilder result = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            result.append(c);
            if (c == '\n') {
                for (int removed = 0; removed < lineIndent && i < text.length()
                        && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); removed++) {
                    i++;
                }
            }
        }
        return result.toString();
    }

    private void write(TreePath path, Nesting nesting, SplicedCode out) {
        CodeBlock operand = lowered.get(path.getLeaf());
        if (operand != null) {
            out.add(operand);
            return;
        }
        if (!writeSpecial(path, nesting, out)) {
            copyWithChildren(path, nesting, out);
        }
    }

    /** A part of the tree being written, as a code block of its own: inside a lambda or class it stays that class's. */
    private CodeBlock spliceIn(TreePath path, Nesting nesting) {
        SplicedCode part = new SplicedCode();
        write(path, nesting, part);
        return part.build();
    }

    private void copyWithChildren(TreePath path, Nesting nesting, SplicedCode out) {
        copyFrom(path, context.start(path.getLeaf()), nesting, out);
    }

    /**
     * Copies a tree's text from {@code from} on, writing its children. A child that starts before
     * {@code from} shares text with an earlier sibling (the declarators of {@code int a = x, b = y}
     * share the type): only its part after {@code from} is written.
     */
    private void copyFrom(TreePath path, long from, Nesting nesting, SplicedCode out) {
        copyRange(path, from, context.end(path.getLeaf()), nesting, out);
    }

    /** {@link #copyFrom} up to {@code end}: children that end after it are left out. */
    private void copyRange(TreePath path, long from, long end, Nesting nesting, SplicedCode out) {
        long cursor = from;
        Nesting inner = nestingInside(path, nesting);
        List<? extends Tree> typeArguments = typeArgumentsWithin(path);
        for (Tree child : children(path.getLeaf(), typeArguments)) {
            long childStart = context.start(child);
            long childEnd = context.end(child);
            if (childStart < 0 || childEnd <= cursor || childEnd > end || childEnd < childStart) {
                continue;
            }
            TreePath childPath = new TreePath(typeArguments.contains(child) ? path.getParentPath() : path, child);
            if (childStart < cursor) {
                copyFrom(childPath, cursor, inner, out);
            } else {
                addText(context.text(cursor, childStart), out);
                write(childPath, inner, out);
            }
            cursor = childEnd;
        }
        addText(context.text(cursor, end), out);
    }

    private Nesting nestingInside(TreePath path, Nesting nesting) {
        Tree tree = path.getLeaf();
        return switch (tree.getKind()) {
            case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP -> nesting.enterLoop();
            case SWITCH -> nesting.enterSwitch();
            case SWITCH_EXPRESSION -> nesting.enterSwitchExpression();
            case LABELED_STATEMENT -> nesting.enterLabel(((LabeledStatementTree) tree).getLabel().toString());
            case LAMBDA_EXPRESSION -> nesting.enterLambda();
            case CLASS, INTERFACE, ENUM, RECORD -> nesting.enterClass((TypeElement) context.trees.getElement(path));
            default -> nesting;
        };
    }

    private boolean writeSpecial(TreePath path, Nesting nesting, SplicedCode out) {
        Tree tree = path.getLeaf();
        switch (tree.getKind()) {
            case IDENTIFIER:
                return writeIdentifier(path, nesting, (IdentifierTree) tree, out);
            case VARIABLE:
                return writeRenamedBinding(path, (VariableTree) tree, nesting, out);
            case MEMBER_SELECT:
                return writeMemberSelect(path, (MemberSelectTree) tree, out);
            case MEMBER_REFERENCE:
                access.checkMember(context.trees.getElement(path), path);
                return false;
            case METHOD_INVOCATION:
                return writeInvocation(path, (MethodInvocationTree) tree, out);
            case RETURN:
                if (nesting.inBody()) {
                    return false;
                }
                CodeBlock value = splice(new TreePath(new TreePath(path, ((ReturnTree) tree).getExpression()),
                        ((MethodInvocationTree) ((ReturnTree) tree).getExpression()).getArguments().get(0)));
                if (context.jumps.finallies().isEmpty()) {
                    out.add("return $L;", value);
                } else {
                    out.block(context.exits.returnWith(value));
                }
                return true;
            case BREAK:
            case CONTINUE:
                return writeJump(tree, nesting, out);
            case ASSERT:
                AssertTree assertion = (AssertTree) tree;
                CodeBlock check = context.assertion(spliceIn(new TreePath(path, assertion.getCondition()), nesting),
                        assertion.getDetail() == null ? null : spliceIn(new TreePath(path, assertion.getDetail()), nesting));
                // as the then-branch of an if with an else, a bare if would take that else
                if (path.getParentPath().getLeaf() instanceof IfTree) {
                    out.block(CodeBlock.builder().add(check).add("\n").build());
                } else {
                    out.add(check);
                }
                return true;
            case INSTANCE_OF:
                if (nesting.inBody() || fieldBindings(path).isEmpty()) {
                    return false;
                }
                out.add(instanceOfTest(path, splice(new TreePath(path, ((InstanceOfTree) tree).getExpression()))));
                return true;
            case YIELD:
                if (nesting.inBody() || nesting.switchExpression()) {
                    return false;
                }
                out.block(context.exits.yield(splice(new TreePath(path, ((YieldTree) tree).getValue()))));
                return true;
            case LAMBDA_EXPRESSION:
                return !nesting.inBody() && writeCapturing(path, nesting, out);
            case CLASS:
            case RECORD:
            case ENUM:
            case INTERFACE:
                return !nesting.inBody() && hoist(path, nesting);
            case NEW_CLASS:
                access.checkMember(context.trees.getElement(path), path);
                if (((NewClassTree) tree).getClassBody() != null) {
                    return !nesting.inBody() && writeCapturing(path, nesting, out);
                }
                CodeBlock enclosing = nesting.classBody() == null ? implicitEnclosingInstance(path) : null;
                if (enclosing != null) {
                    out.add(enclosing).text(".");
                    copyWithChildren(path, nesting, out);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private boolean writeIdentifier(TreePath path, Nesting nesting, IdentifierTree tree, SplicedCode out) {
        String name = tree.getName().toString();
        if (name.equals("this")) {
            if (nesting.classBody() != null) {
                return false;
            }
            out.text(context.selfName);
            return true;
        }
        Element element = context.trees.getElement(path);
        if (element == null) {
            return false;
        }
        String local = renamed.containsKey(element) ? renamed.get(element) : context.localName(element);
        if (local != null) {
            out.text(local);
            return true;
        }
        switch (element.getKind()) {
            case FIELD, METHOD, ENUM_CONSTANT:
                if (element.getKind() == ElementKind.ENUM_CONSTANT && isCaseLabel(path)
                        || isMemberOfCopiedClass(element, nesting) || isMemberOfLocalType(element)) {
                    return false;
                }
                out.add("$L.$L", access.qualifier(element, path), name);
                return true;
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE:
                TypeElement type = (TypeElement) element;
                if (type.getNestingKind() == NestingKind.LOCAL || isQualifiedCreation(path)) {
                    return false;
                }
                access.checkType(type, path);
                out.add("$T", ClassName.get(type));
                return true;
            default:
                return false;
        }
    }

    /** {@code Circle c} of a case pattern, declared as {@code Circle cMatched}: its type as written, its new name. */
    private boolean writeRenamedBinding(TreePath path, VariableTree variable, Nesting nesting, SplicedCode out) {
        String name = renamed.get(context.trees.getElement(path));
        if (name == null) {
            return false;
        }
        copyRange(path, context.start(variable), context.end(variable) - variable.getName().length(), nesting, out);
        out.text(name);
        return true;
    }

    /** Java 17 requires an enum constant in a case label to be written by its simple name. */
    private static boolean isCaseLabel(TreePath path) {
        Tree parent = path.getParentPath().getLeaf();
        // javac 21 and later put a constant label tree between the case and the constant
        return parent instanceof CaseTree || parent.getKind().name().equals("CONSTANT_CASE_LABEL")
                && path.getParentPath().getParentPath().getLeaf() instanceof CaseTree;
    }

    /** An instance member of a local or anonymous class being copied, used inside it: it stays as written. */
    private boolean isMemberOfCopiedClass(Element member, Nesting nesting) {
        return nesting.classBody() != null
                && !member.getModifiers().contains(Modifier.STATIC)
                && member.getEnclosingElement() instanceof TypeElement owner
                && context.types.isSubtype(context.types.erasure(nesting.classBody().asType()),
                        context.types.erasure(owner.asType()));
    }

    /**
     * A member of a local class used by its simple name is used inside that class (or a class
     * nested in it), which the machine copies whole: the name means the same there.
     */
    private static boolean isMemberOfLocalType(Element member) {
        for (Element e = member.getEnclosingElement(); e instanceof TypeElement type; e = type.getEnclosingElement()) {
            if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
                return true;
            }
        }
        return false;
    }

    /** In {@code outer.new Inner()}, written or implied, the class must stay a simple name. */
    private boolean isQualifiedCreation(TreePath path) {
        return path.getParentPath().getLeaf() instanceof NewClassTree creation
                && creation.getIdentifier() == path.getLeaf()
                && (creation.getEnclosingExpression() != null || implicitEnclosingInstance(path.getParentPath()) != null);
    }

    /**
     * {@code new Inner()} of an inner class of the blueprint's class or of a class enclosing it:
     * javac supplies {@code this} or {@code Outer.this} as the enclosing instance, which the machine
     * writes before the creation ({@code self.new Inner()}); null for any other creation.
     */
    CodeBlock implicitEnclosingInstance(TreePath creationPath) {
        NewClassTree creation = (NewClassTree) creationPath.getLeaf();
        if (creation.getEnclosingExpression() != null || creation.getClassBody() != null) {
            return null;
        }
        Element constructor = context.trees.getElement(creationPath);
        if (constructor == null || !(constructor.getEnclosingElement() instanceof TypeElement created)
                || created.getNestingKind() != NestingKind.MEMBER || created.getModifiers().contains(Modifier.STATIC)
                || created.getKind() != ElementKind.CLASS) {
            return null;
        }
        return access.instanceReceiver(created, creationPath);
    }

    private boolean writeMemberSelect(TreePath path, MemberSelectTree tree, SplicedCode out) {
        String member = tree.getIdentifier().toString();
        Element element = context.trees.getElement(path);
        if (member.equals("this")) {
            out.add(context.outers.of((TypeElement) context.trees.getElement(new TreePath(path, tree.getExpression()))));
            return true;
        }
        if (member.equals("super")) {
            throw context.abort(Messages.SUPER_IN_ASYNC, path);
        }
        if (element instanceof TypeElement type && type.getNestingKind() != NestingKind.LOCAL
                && tree.getExpression().getKind() != Tree.Kind.PARAMETERIZED_TYPE) {
            access.checkType(type, path);
            out.add("$T", ClassName.get(type));
            return true;
        }
        if (element != null && element.getKind() != ElementKind.PACKAGE) {
            access.checkMember(element, path);
        }
        return false;
    }

    private boolean writeInvocation(TreePath path, MethodInvocationTree tree, SplicedCode out) {
        Element element = context.trees.getElement(path);
        if (!RuntimeApi.isBlueprint(element)) {
            return false;
        }
        TreePath select = new TreePath(path, tree.getMethodSelect());
        CodeBlock receiver = null;
        ExecutableElement method = (ExecutableElement) element;
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            receiver = tree.getMethodSelect() instanceof MemberSelectTree member
                    ? splice(new TreePath(select, member.getExpression()))
                    : access.instanceReceiver(method, path);
        }
        List<CodeBlock> arguments = new ArrayList<>();
        for (Tree argument : tree.getArguments()) {
            arguments.add(splice(new TreePath(path, argument)));
        }
        out.add(BlueprintCalls.companionCall(method, receiver, arguments));
        return true;
    }

    /**
     * {@code operand instanceof T}, or with a pattern: {@code instanceof T b}, or a record pattern
     * {@code instanceof Box(String s, var n)}. A binding that lives across an await is a field of
     * the machine, which a pattern cannot declare: the pattern binds a fresh local instead and the
     * test copies it to the field when it matches, so the field holds it wherever the binding is in
     * scope.
     */
    CodeBlock instanceOfTest(TreePath path, CodeBlock operand) {
        InstanceOfTree tree = (InstanceOfTree) path.getLeaf();
        Tree test = tree.getPattern() != null ? tree.getPattern() : tree.getType();
        List<Element> bindings = fieldBindings(path);
        if (bindings.isEmpty()) {
            return CodeBlock.of("$L instanceof $L", operand, splice(new TreePath(path, test)));
        }
        Map<Element, String> fields = new LinkedHashMap<>();
        for (Element binding : bindings) {
            fields.put(binding, context.names.fresh(binding.getSimpleName() + "Matched"));
        }
        Map<Element, String> outer = renamed;
        Map<Element, String> inPattern = new HashMap<>(outer);
        inPattern.putAll(fields);
        renamed = inPattern;
        CodeBlock pattern;
        try {
            pattern = splice(new TreePath(path, test));
        } finally {
            renamed = outer;
        }
        CodeBlock.Builder code = CodeBlock.builder().add("($L instanceof $L", operand, pattern);
        fields.forEach((binding, matched) -> code.add(" && $L", copiedWhenMatched(binding, matched)));
        return code.add(")").build();
    }

    /**
     * True, after copying a binding to its field: {@code (s = sMatched) == sMatched}; a floating
     * point binding equals itself unless it is NaN, which the test must match too.
     */
    private CodeBlock copiedWhenMatched(Element binding, String matched) {
        String field = context.localName(binding);
        TypeKind kind = binding.asType().getKind();
        return kind == TypeKind.FLOAT || kind == TypeKind.DOUBLE
                ? CodeBlock.of("(($L = $L) == $L || $L != $L)", field, matched, matched, matched, matched)
                : CodeBlock.of("($L = $L) == $L", field, matched, matched);
    }

    /** The bindings of an {@code instanceof} pattern that the machine keeps in fields. */
    private List<Element> fieldBindings(TreePath path) {
        InstanceOfTree tree = (InstanceOfTree) path.getLeaf();
        List<Element> fields = new ArrayList<>();
        if (tree.getPattern() == null) {
            return fields;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                Element element = context.trees.getElement(getCurrentPath());
                if (context.isField(element) && !renamed.containsKey(element)) {
                    fields.add(element);
                }
                return super.visitVariable(node, null);
            }
        }.scan(new TreePath(path, tree.getPattern()), null);
        return fields;
    }

    private boolean writeJump(Tree tree, Nesting nesting, SplicedCode out) {
        if (nesting.inBody()) {
            return false;
        }
        javax.lang.model.element.Name label = tree instanceof BreakTree b ? b.getLabel() : ((ContinueTree) tree).getLabel();
        boolean inner = label != null
                ? nesting.labels().contains(label.toString())
                : tree instanceof BreakTree ? nesting.loops() + nesting.switches() > 0 : nesting.loops() > 0;
        if (inner) {
            return false;
        }
        out.block(context.exits.jump(tree));
        return true;
    }

    /**
     * A lambda or anonymous class that captures locals the machine keeps in fields must see the
     * values they had when it was created, as in the blueprint: it is built by a helper method
     * that receives those values as parameters of the same names.
     */
    private boolean writeCapturing(TreePath path, Nesting nesting, SplicedCode out) {
        Map<String, VariableElement> captured = capturedLocals(path);
        if (captured.values().stream().noneMatch(context::isField)) {
            return false;
        }
        String helper = context.names.fresh("capture");
        MethodSpec.Builder method = MethodSpec.methodBuilder(helper)
                .addModifiers(Modifier.PRIVATE)
                .returns(context.projector.project(context.trees.getTypeMirror(path)));
        for (Map.Entry<String, VariableElement> entry : captured.entrySet()) {
            method.addParameter(context.projector.project(entry.getValue().asType()), entry.getKey());
        }
        SplicedCode body = new SplicedCode();
        copyWithChildren(path, nesting, body);
        method.addStatement("return $L", body.build());
        context.helpers.add(method.build());
        out.add("$L($L)", helper, String.join(", ", captured.keySet()));
        return true;
    }

    /**
     * A local type the machine declares as its member: its declaration goes there, written once
     * (a copied {@code finally} may hold it twice), and nothing is left where it stood.
     */
    private boolean hoist(TreePath path, Nesting nesting) {
        Element type = context.trees.getElement(path);
        if (!context.facts.hoistedLocalTypes().containsKey(type)) {
            return false;
        }
        if (!context.memberTypes.containsKey(type)) {
            SplicedCode declaration = new SplicedCode();
            copyWithChildren(path, nesting, declaration);
            context.memberTypes.put(type, declaration.build());
        }
        return true;
    }

    /** The locals declared outside the lambda or class that it uses, by the name they have in the machine. */
    private Map<String, VariableElement> capturedLocals(TreePath path) {
        Set<Element> declaredInside = new HashSet<>();
        new OwnCodeScanner() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                declaredInside.add(context.trees.getElement(getCurrentPath()));
                return super.visitVariable(node, null);
            }
        }.scan(path, null);
        Map<String, VariableElement> captured = new LinkedHashMap<>();
        new OwnCodeScanner() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                Element element = context.trees.getElement(getCurrentPath());
                if (element instanceof VariableElement variable && isLocalKind(element) && !declaredInside.contains(element)) {
                    String name = context.localName(element);
                    captured.put(name != null ? name : element.getSimpleName().toString(), variable);
                }
                return null;
            }
        }.scan(path, null);
        return captured;
    }

    /** Scans what the splice copies: not the operands lowering has already written ({@link #spliceWith}). */
    private class OwnCodeScanner extends TreePathScanner<Void, Void> {
        @Override
        public Void scan(Tree tree, Void unused) {
            return tree != null && lowered.containsKey(tree) ? null : super.scan(tree, null);
        }
    }

    private static boolean isLocalKind(Element element) {
        return switch (element.getKind()) {
            case LOCAL_VARIABLE, PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE -> true;
            default -> false;
        };
    }

    /**
     * The explicit type arguments of the call whose method select {@code path} is: they are the
     * call's children, but they stand inside the select's text ({@code p.<Shape>o(x)}), so they
     * are written with it, each as any type is (copied verbatim, a member type of the blueprint's
     * class did not resolve in the companion).
     */
    private static List<? extends Tree> typeArgumentsWithin(TreePath path) {
        return path.getParentPath() != null && path.getParentPath().getLeaf() instanceof MethodInvocationTree call
                && call.getMethodSelect() == path.getLeaf() ? call.getTypeArguments() : List.of();
    }

    /** The direct children of a tree and {@code within} it, in source order (a few tree kinds list them otherwise). */
    private List<Tree> children(Tree tree, List<? extends Tree> within) {
        List<Tree> children = TreeChildren.of(tree);
        children.addAll(within);
        // javac gives the unwritten modifiers (an implicit final) of a resource variable the span of its type
        children.removeIf(child -> child instanceof ModifiersTree modifiers && modifiers.getAnnotations().isEmpty()
                && children.stream().anyMatch(other -> other != child && context.start(other) == context.start(child)
                        && context.end(other) == context.end(child)));
        children.sort(Comparator.comparingLong(context::start));
        return children;
    }
}
