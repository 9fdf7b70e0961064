package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.BodyFacts;
import dev.jasyncio.processor.analysis.CompanionNames;
import dev.jasyncio.processor.analysis.Completion;
import dev.jasyncio.processor.analysis.LocalVariable;
import dev.jasyncio.processor.analysis.TypeProjector;
import dev.jasyncio.processor.checks.Messages;
import dev.jasyncio.processor.checks.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Types;

/** Everything the lowering of one blueprint shares: the source, javac's view of it, and the machine being built. */
final class LoweringContext {
    final Trees trees;
    final Types types;
    /** The release the blueprints are compiled for, whose exceptions the machines throw where javac's code does. */
    final SourceVersion sourceVersion;
    final TypeProjector projector;
    final Completion completion;
    final Reporter reporter;
    final TreePath methodPath;
    final CompilationUnitTree unit;
    final TypeElement host;
    final ExecutableElement blueprint;
    final BodyFacts facts;
    final Names names;
    final String selfName;
    final States states;
    final JumpScopes jumps = new JumpScopes();
    final Exits exits;
    final ExceptionDispatch dispatch = new ExceptionDispatch(this);
    /** The type argument of the blueprint's {@code Coroutine<...>}, which may be a wildcard. */
    final TypeName declaredResult;
    /** The machine's own result: a wildcard's bound, since a class cannot extend {@code Coroutine<? extends X>}. */
    final TypeName resultType;
    final Temps temps;
    final Access access;
    final OuterInstances outers = new OuterInstances(this);
    final List<FieldSpec> fields = new ArrayList<>();
    final List<MethodSpec> helpers = new ArrayList<>();
    /** The declarations of the local types the machine declares as members ({@link BodyFacts#hoistedLocalTypes}). */
    final Map<Element, CodeBlock> memberTypes = new LinkedHashMap<>();
    private final Map<Element, String> localNames = new HashMap<>();
    private final Map<Element, Boolean> localIsField = new HashMap<>();
    final Set<LocalVariable> fieldLocals = new LinkedHashSet<>();
    /** The field holding the assertion status of the blueprint's class, once an assert needs it. */
    private String assertionsEnabled;
    private final SourcePositions positions;
    private final CharSequence source;
    /** The blueprint's file name without its directories, as the state comments show it. */
    private final String fileName;
    /** The machine's class name, which qualifies its own static fields wherever a copied class might hide them. */
    private final String machineName;

    LoweringContext(Trees trees, Types types, SourceVersion sourceVersion, Reporter reporter, TreePath methodPath, TypeElement host,
            ExecutableElement blueprint, BodyFacts facts, String machineName) {
        this.machineName = machineName;
        this.trees = trees;
        this.types = types;
        this.sourceVersion = sourceVersion;
        this.projector = new TypeProjector(facts.hoistedLocalTypes().keySet());
        this.completion = new Completion(trees, types);
        this.reporter = reporter;
        this.methodPath = methodPath;
        this.unit = methodPath.getCompilationUnit();
        this.host = host;
        this.blueprint = blueprint;
        this.facts = facts;
        this.positions = trees.getSourcePositions();
        try {
            this.source = unit.getSourceFile().getCharContent(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = unit.getSourceFile().getName();
        this.fileName = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        this.names = new Names(facts.declaredNames());
        this.selfName = isStatic() ? null : names.fresh("self");
        MethodTree method = (MethodTree) methodPath.getLeaf();
        this.states = new States(names.fresh("resume"), describe(method, "start of " + blueprint.getSimpleName()),
                lineOf(method.getReturnType() != null ? method.getReturnType() : method));
        this.temps = new Temps(this);
        this.exits = new Exits(this);
        this.declaredResult = projector.projectBoxed(((DeclaredType) blueprint.getReturnType()).getTypeArguments().get(0));
        this.resultType = declaredResult instanceof WildcardTypeName wildcard
                ? wildcard.lowerBounds().isEmpty() ? wildcard.upperBounds().get(0) : wildcard.lowerBounds().get(0)
                : declaredResult;
        this.access = new Access(this);
        nameLocals();
    }

    /**
     * {@code assert condition : detail;} as the machine writes it. Java enables an assert by the
     * assertion status of its top-level class ({@code -ea:com.acme.Fetcher}); the machine's own
     * would be the companion's, so it reads the blueprint's class's status into a field once, which
     * asserts in copied lambdas and classes read too.
     */
    CodeBlock assertion(CodeBlock condition, CodeBlock detail) {
        return CodeBlock.of("if ($L && !($L)) {\n$>throw new $T($L);\n$<}", assertionsEnabled(), condition,
                AssertionError.class, detail == null ? "" : detail);
    }

    /** The machine's field that holds whether asserts of the blueprint's class are enabled, qualified. */
    String assertionsEnabled() {
        if (assertionsEnabled == null) {
            assertionsEnabled = names.fresh("assertionsEnabled");
            fields.add(FieldSpec.builder(boolean.class, assertionsEnabled, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.class.desiredAssertionStatus()", ClassName.get(CompanionNames.topLevelOf(host)))
                    .build());
        }
        return machineName + "." + assertionsEnabled;
    }

    /**
     * Locals that outlive a suspension become fields, named now. The others keep the user's name
     * where the user's own declaration is copied; only the declarations that lowering writes into
     * a state may need another name ({@link #declareStateLocal}), because a state flattens scopes.
     */
    private void nameLocals() {
        for (LocalVariable local : facts.locals()) {
            boolean field = facts.outlivesSuspension(local);
            localIsField.put(local.element(), field);
            if (field) {
                if (!projector.isDenotable(local.element().asType())) {
                    throw abort(String.format(Messages.NON_DENOTABLE_LOCAL, local.element().getSimpleName()),
                            local.declaration());
                }
                access.checkType(local.element().asType(), local.declaration());
                String name = nameFor(local.element());
                localNames.put(local.element(), name);
                fieldLocals.add(local);
                fields.add(FieldSpec.builder(projector.project(local.element().asType()), name, Modifier.PRIVATE).build());
            }
        }
    }

    private String nameFor(Element local) {
        String userName = local.getSimpleName().toString();
        return names.forLocal(userName, facts.isUniqueName(userName));
    }

    /** The name of a local that lowering declares at the top level of a state. */
    String declareStateLocal(Element local) {
        return localNames.computeIfAbsent(local, this::nameFor);
    }

    boolean isStatic() {
        return blueprint.getModifiers().contains(Modifier.STATIC);
    }

    /** The name the machine uses for a field or state-level local, or null where the user's name stands. */
    String localName(Element element) {
        return localNames.get(element);
    }

    boolean isField(Element element) {
        return Boolean.TRUE.equals(localIsField.get(element));
    }

    String addField(String base, TypeName type) {
        String name = names.fresh(base);
        fields.add(FieldSpec.builder(type, name, Modifier.PRIVATE).build());
        return name;
    }

    long start(Tree tree) {
        return positions.getStartPosition(unit, tree);
    }

    long end(Tree tree) {
        return positions.getEndPosition(unit, tree);
    }

    String text(long from, long to) {
        return source.subSequence((int) from, (int) to).toString();
    }

    String text(Tree tree) {
        return text(start(tree), end(tree));
    }

    /** How many spaces or tabs begin the source line on which the tree starts. */
    int lineIndentOf(Tree tree) {
        int lineStart = (int) start(tree);
        while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int indent = 0;
        while (lineStart + indent < source.length() && (source.charAt(lineStart + indent) == ' '
                || source.charAt(lineStart + indent) == '\t')) {
            indent++;
        }
        return indent;
    }

    /** The blueprint line on which a tree starts. */
    long lineOf(Tree tree) {
        return unit.getLineMap().getLineNumber(start(tree));
    }

    /** A comment that ties generated code to the blueprint line it comes from. */
    String describe(Tree tree, String what) {
        long line = unit.getLineMap().getLineNumber(start(tree));
        return fileName + ":" + line + ": " + what;
    }

    /** The path of a child tree, for the analyses that need a tree's path rather than the tree. */
    static TreePath child(TreePath parent, Tree tree) {
        return new TreePath(parent, tree);
    }

    LoweringAbort abort(String message, TreePath where) {
        reporter.error(message, where);
        return new LoweringAbort();
    }
}
