package dev.jasyncio.processor.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The records whose canonical constructor javac rejects once a processor has attributed their
 * class in a round that is followed by another: javac's attribution puts an implicit
 * {@code super()} call at the start of every constructor body, and the tree cleanup between rounds
 * takes it out again for enum constructors but not for record constructors (JDK-8387215, seen on
 * javac 17 and 25). When javac then attributes the class for real, the canonical constructor seems
 * to call another constructor: "invalid canonical constructor in record".
 *
 * <p>The processors must attribute the classes that hold blueprints (their companions need the
 * types) and may attribute other classes to check calls of blueprints and of {@code await}. javac
 * attributes a class together with its superclass and its enclosing classes, and an enclosing
 * class with every class nested in it, so what one attribution touches is every top-level class
 * reached from the attributed one through superclasses and enclosing classes. This class finds the
 * explicitly declared canonical constructors (compact or not) of records in those top-level
 * classes, read from the trees alone, since asking javac for their elements would attribute them.
 */
public final class RecordConstructorHazard {
    /** The newest javac on which the bug was seen; later ones are trusted to be fixed. */
    private static final int LAST_AFFECTED_RELEASE = 25;

    private final Trees trees;
    private final boolean affected;
    private final Map<TypeElement, List<TreePath>> byTopLevel = new HashMap<>();
    private final Map<TypeElement, List<TreePath>> byAttributedTopLevel = new HashMap<>();

    /** For one round: javac makes new elements in each. */
    public RecordConstructorHazard(Trees trees, SourceVersion compiler) {
        this.trees = trees;
        this.affected = release(compiler) <= LAST_AFFECTED_RELEASE;
    }

    /** The feature release of a javac, from the newest source version it knows. */
    static int release(SourceVersion latest) {
        return latest.ordinal() - SourceVersion.RELEASE_17.ordinal() + 17;
    }

    /**
     * The explicit canonical record constructors that attributing {@code type} puts at risk, or an
     * empty list on a javac without the bug.
     */
    public List<TreePath> endangeredBy(TypeElement type) {
        if (!affected) {
            return List.of();
        }
        return byAttributedTopLevel.computeIfAbsent(outermost(type), attributed -> {
            List<TreePath> constructors = new ArrayList<>();
            topLevelClassesAttributedWith(attributed).forEach((topLevel, path) ->
                    constructors.addAll(byTopLevel.computeIfAbsent(topLevel, unused -> canonicalConstructorsIn(path))));
            return constructors;
        });
    }

    /**
     * Reports the constructors that attributing {@code host} for its blueprints puts at risk:
     * javac's own error at the constructor does not say why.
     *
     * @param reported the constructors reported already, by file and position, kept from round to
     *     round and added to
     */
    public void report(TypeElement host, Reporter reporter, Set<String> reported) {
        for (TreePath constructor : endangeredBy(host)) {
            long start = trees.getSourcePositions().getStartPosition(constructor.getCompilationUnit(), constructor.getLeaf());
            if (reported.add(constructor.getCompilationUnit().getSourceFile().toUri() + "@" + start)) {
                ClassTree record = (ClassTree) constructor.getParentPath().getLeaf();
                reporter.error(String.format(Messages.RECORD_CONSTRUCTOR_REJECTED, record.getSimpleName(),
                        host.getSimpleName(), LAST_AFFECTED_RELEASE), constructor);
            }
        }
    }

    /**
     * The top-level classes from source, with their trees, that attributing {@code outermost}
     * attributes. Each tree is asked for once: {@code Trees.getPath} searches a whole file.
     */
    private Map<TypeElement, TreePath> topLevelClassesAttributedWith(TypeElement outermost) {
        Map<TypeElement, TreePath> topLevel = new LinkedHashMap<>();
        Deque<TypeElement> work = new ArrayDeque<>(List.of(outermost));
        while (!work.isEmpty()) {
            TypeElement next = work.pop();
            TreePath path = topLevel.containsKey(next) ? null : trees.getPath(next);
            if (path == null) {
                continue;
            }
            topLevel.put(next, path);
            List<TypeElement> classes = new ArrayList<>(List.of(next));
            nestedIn(next, classes);
            for (TypeElement attributed : classes) {
                if (attributed.getSuperclass() instanceof DeclaredType superclass
                        && superclass.asElement() instanceof TypeElement superElement) {
                    work.push(outermost(superElement));
                }
            }
        }
        return topLevel;
    }

    private static TypeElement outermost(TypeElement type) {
        TypeElement outermost = type;
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement enclosing; e = e.getEnclosingElement()) {
            outermost = enclosing;
        }
        return outermost;
    }

    private static void nestedIn(TypeElement type, List<TypeElement> found) {
        for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
            found.add(member);
            nestedIn(member, found);
        }
    }

    private List<TreePath> canonicalConstructorsIn(TreePath path) {
        List<TreePath> found = new ArrayList<>();
        CompilationUnitTree unit = path.getCompilationUnit();
        SourcePositions positions = trees.getSourcePositions();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree node, Void unused) {
                if (node.getKind() == Tree.Kind.RECORD) {
                    List<String> components = typesOf(node.getMembers().stream()
                            // a record's components are its only instance fields
                            .filter(member -> member instanceof VariableTree field
                                    && !field.getModifiers().getFlags().contains(Modifier.STATIC))
                            .map(VariableTree.class::cast).toList());
                    for (Tree member : node.getMembers()) {
                        if (member instanceof MethodTree method && method.getName().contentEquals("<init>")
                                // the canonical constructor that javac writes itself has no end position
                                && positions.getEndPosition(unit, method) != Diagnostic.NOPOS
                                && typesOf(method.getParameters()).equals(components)) {
                            found.add(new TreePath(getCurrentPath(), method));
                        }
                    }
                }
                return super.visitClass(node, null);
            }
        }.scan(path, null);
        return found;
    }

    /** The types of these variables as written: enough to tell a canonical constructor, and free of attribution. */
    private static List<String> typesOf(List<? extends VariableTree> variables) {
        return variables.stream().map(variable -> variable.getType().toString()).toList();
    }
}
