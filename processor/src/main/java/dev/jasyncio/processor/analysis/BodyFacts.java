package dev.jasyncio.processor.analysis;

import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The facts about one blueprint body that lowering needs: which trees contain a suspension point,
 * where the awaits are, and for every local whether it must outlive a suspension (and so become a
 * field of the machine) and where it is dead.
 */
public final class BodyFacts {
    /**
     * One suspension point: an await, or a return of a coroutine that is awaited implicitly.
     * {@code statementStarts} are the starts of the statements whose evaluation it is part of,
     * innermost first: the statement around it, then for each switch expression around that
     * statement the statement around the switch expression. {@code consumed} are the parts of
     * those statements that always run to the end before the suspension and are not read again
     * after it (see {@link BodyAnalyzer}). {@code follows} is, if every completion of the block
     * around the innermost statement passes the suspension once that statement has run, the part
     * of the block after the statement (null otherwise).
     */
    record Suspension(TreePath path, long start, List<Long> statementStarts, long end, List<Range> consumed,
            Range follows) {
        Tree tree() {
            return path.getLeaf();
        }

        /** The start of the innermost statement around the suspension. */
        long statementStart() {
            return statementStarts.get(0);
        }

        /**
         * Where the code that may run after the suspension begins, for a variable or class declared
         * at {@code declaredAt}: the outermost of the statements that the declaration precedes. An
         * operand of such a statement written before the suspension may still be read after it (a
         * statement around a switch expression reads an effectively final local after the switch
         * expression's awaits); code before the innermost statement's start otherwise ran already.
         */
        long evaluationStart(long declaredAt) {
            long evaluationStart = statementStart();
            for (long statementStart : statementStarts) {
                if (statementStart >= declaredAt) {
                    evaluationStart = statementStart;
                }
            }
            return evaluationStart;
        }

        /** True if a use at this position was read before the suspension, for the last time in this evaluation. */
        boolean consumedBefore(long position) {
            return consumed.stream().anyMatch(range -> range.start() <= position && position < range.end());
        }

        /** True if every path to {@code position} passes this suspension once its statement has run. */
        boolean precedesAlways(long position) {
            return follows != null && follows.contains(position);
        }
    }

    /** Source positions from {@code start} to {@code end}. */
    record Range(long start, long end) {
        boolean contains(long position) {
            return start < position && position < end;
        }
    }

    /** A class declared in the body, with the positions where the body names it. */
    record LocalClass(TreePath declaration, long declarationStart, long declarationEnd, long scopeEnd, List<Long> references) {
        LocalClass(TreePath declaration, long declarationStart, long declarationEnd, long scopeEnd) {
            this(declaration, declarationStart, declarationEnd, scopeEnd, new ArrayList<>());
        }
    }

    final Set<Tree> suspending = new HashSet<>();
    /** In source order, so the machine declares the ones it hoists in that order. */
    final Map<Element, LocalClass> localClasses = new LinkedHashMap<>();
    private Map<Element, TreePath> hoisted;
    final List<Suspension> suspensions = new ArrayList<>();
    final Map<Element, LocalVariable> locals = new LinkedHashMap<>();
    final List<Range> loops = new ArrayList<>();
    /** Statements without a suspension point that are lowered in several states all the same (see {@link CopiedTryExits}). */
    private final List<Range> splitStatements = new ArrayList<>();
    final Map<String, Integer> nameCounts = new HashMap<>();
    /** The resources declared by try-with-resources statements, with their statement. */
    final Map<Element, Tree> resourceOwners = new HashMap<>();
    /** The pattern bindings declared by a case label or guard. */
    final Map<Element, CaseHead> caseHeadBindings = new HashMap<>();
    /** The other pattern bindings ({@code instanceof}), with the innermost statement around their pattern. */
    final Map<Element, Tree> bindingStatements = new HashMap<>();
    /** Per local, whether its field is cleared at each suspension point asked about so far. */
    private final Map<LocalVariable, Map<Suspension, Boolean>> cleared = new HashMap<>();

    /**
     * Where a case declares a pattern binding: the switch statement or expression, the end of the
     * case's labels and guard, after which its body begins, and the end of the case.
     */
    record CaseHead(Tree owner, long end, long caseEnd) {}

    /** A loop's code that may run more than once: from {@code start} (after a for's initializer) to {@code end}. */
    void addLoop(long start, long end) {
        loops.add(new Range(start, end));
    }

    /**
     * Records that a statement without a suspension point between {@code start} and {@code end} is
     * lowered in several states, unless a local class declared before its end is named from its
     * start on: those uses could land in states outside the block that declares the class. Returns
     * whether it may be.
     */
    boolean splitWithoutSuspension(long start, long end) {
        Range statement = new Range(start, end);
        boolean namesLocalClass = localClasses.values().stream().anyMatch(localClass -> localClass.declarationStart() < end
                && localClass.references().stream().anyMatch(r -> r >= start && r < localClass.scopeEnd()));
        if (namesLocalClass) {
            return false;
        }
        splitStatements.add(statement);
        return true;
    }

    /** True if the tree is, or contains, a point where the coroutine may suspend, or must be lowered in states all the same. */
    public boolean suspends(Tree tree) {
        return suspending.contains(tree);
    }

    /**
     * The local classes that the body names in or after the statement of a suspension point that
     * follows their declaration, and that the machine cannot declare as its own members
     * ({@link #hoistedLocalTypes}): the machine resumes in another case of its switch, where the
     * declaration is out of scope.
     */
    public List<TreePath> localClassesUsedAcrossSuspensions() {
        List<TreePath> used = new ArrayList<>();
        for (Map.Entry<Element, LocalClass> entry : localClasses.entrySet()) {
            if (crossesSuspension(entry.getValue()) && !hoistedLocalTypes().containsKey(entry.getKey())) {
                used.add(entry.getValue().declaration());
            }
        }
        return used;
    }

    /**
     * The local records, enums and interfaces used across a suspension point, and those their
     * declarations name: the machine declares them as its own member types. They are implicitly
     * static, so they see nothing of the method that a member type would not. Two of the same name
     * are left where they are (and reported), since one machine cannot have both as members.
     */
    public Map<Element, TreePath> hoistedLocalTypes() {
        if (hoisted != null) {
            return hoisted;
        }
        Set<Element> chosen = new HashSet<>();
        localClasses.forEach((element, localClass) -> {
            if (isImplicitlyStatic(element) && crossesSuspension(localClass)) {
                chosen.add(element);
            }
        });
        // a local kept in a field names its type in the field's declaration
        for (LocalVariable local : locals.values()) {
            if (outlivesSuspension(local)) {
                namedTypes(local.element().asType(), chosen);
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Map.Entry<Element, LocalClass> entry : localClasses.entrySet()) {
                if (!chosen.contains(entry.getKey()) && isImplicitlyStatic(entry.getKey())
                        && isNamedInside(entry.getValue(), chosen)) {
                    chosen.add(entry.getKey());
                    grew = true;
                }
            }
        }
        Map<String, Long> names = new HashMap<>();
        chosen.forEach(element -> names.merge(element.getSimpleName().toString(), 1L, Long::sum));
        hoisted = new LinkedHashMap<>();
        localClasses.forEach((element, localClass) -> {
            if (chosen.contains(element) && names.get(element.getSimpleName().toString()) == 1) {
                hoisted.put(element, localClass.declaration());
            }
        });
        return hoisted;
    }

    /** Adds the implicitly static local types that a type names, in its arguments and components too. */
    private void namedTypes(TypeMirror type, Set<Element> found) {
        if (type instanceof ArrayType array) {
            namedTypes(array.getComponentType(), found);
        } else if (type instanceof DeclaredType declared) {
            if (localClasses.containsKey(declared.asElement()) && isImplicitlyStatic(declared.asElement())) {
                found.add(declared.asElement());
            }
            declared.getTypeArguments().forEach(argument -> namedTypes(argument, found));
        } else if (type instanceof WildcardType wildcard) {
            for (TypeMirror bound : new TypeMirror[] {wildcard.getExtendsBound(), wildcard.getSuperBound()}) {
                if (bound != null) {
                    namedTypes(bound, found);
                }
            }
        }
    }

    private static boolean isImplicitlyStatic(Element localType) {
        return switch (localType.getKind()) {
            case RECORD, ENUM, INTERFACE -> true;
            default -> false;
        };
    }

    /** True if the declaration of one of {@code declarations} names the local class. */
    private boolean isNamedInside(LocalClass localClass, Set<Element> declarations) {
        return declarations.stream().map(localClasses::get).anyMatch(declaration -> localClass.references().stream()
                .anyMatch(r -> r > declaration.declarationStart() && r < declaration.declarationEnd()));
    }

    private boolean crossesSuspension(LocalClass localClass) {
        long declaredAt = localClass.declarationStart();
        return suspensions.stream().anyMatch(s -> s.start >= localClass.declarationEnd()
                && localClass.references().stream().anyMatch(r -> r >= s.evaluationStart(declaredAt) && r < localClass.scopeEnd()));
    }

    /** The returns that hand over to another coroutine, which the machine awaits. */
    public List<TreePath> returnSuspensions() {
        return suspensions.stream().map(Suspension::path).filter(p -> p.getLeaf() instanceof ReturnTree).toList();
    }

    public LocalVariable local(Element element) {
        return locals.get(element);
    }

    public Collection<LocalVariable> locals() {
        return locals.values();
    }

    /** Every simple name the body declares: generated names must not collide with them. */
    public Set<String> declaredNames() {
        return nameCounts.keySet();
    }

    /** True if no other variable or label of the blueprint has this name. */
    public boolean isUniqueName(String name) {
        return nameCounts.getOrDefault(name, 0) <= 1;
    }

    void declareName(String name) {
        nameCounts.merge(name, 1, Integer::sum);
    }

    /** A binding of a case's labels or guard that the case's body uses. */
    public boolean usedInCaseBody(Element binding) {
        CaseHead caseHead = caseHeadBindings.get(binding);
        return caseHead != null && locals.get(binding).references.stream().anyMatch(r -> r > caseHead.end());
    }

    /**
     * A local becomes a machine field when a suspension point lies inside its scope after its
     * declaration (not in its own initializer, which runs before the local exists). Positions of
     * the suspension itself count, not of its statement: a {@code for} condition awaits after the
     * loop's own variables are declared, and {@code int a = 1, b = await(x);} after {@code a}.
     */
    public boolean outlivesSuspension(LocalVariable local) {
        if (local.parameter) {
            return true;
        }
        // a lowered try-with-resources closes its resources in a state of their own
        Tree resourceOwner = resourceOwners.get(local.element);
        if (resourceOwner != null && suspends(resourceOwner)) {
            return true;
        }
        // a lowered switch tests its labels in one state and runs each case in others
        CaseHead caseHead = caseHeadBindings.get(local.element);
        if (caseHead != null && suspends(caseHead.owner()) && usedInCaseBody(local.element)) {
            return true;
        }
        // a lowered statement tests the pattern in one state and may read the binding in others
        // (the then-block of if (a && await(b) instanceof T t), what follows if (!(await(b) instanceof T t)) return)
        Tree bindingStatement = bindingStatements.get(local.element);
        if (bindingStatement != null && suspends(bindingStatement)) {
            return true;
        }
        for (Suspension suspension : suspensions) {
            if (local.declarationEnd <= suspension.start && suspension.start < local.scopeEnd) {
                return true;
            }
        }
        // its uses may be in other states than its declaration
        for (Range statement : splitStatements) {
            if (local.declarationEnd <= statement.end && statement.start < local.scopeEnd) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reference-typed fields whose values are dead when the coroutine suspends at the given
     * point and that may hold a value not cleared at an earlier suspension point; clearing them
     * keeps a suspended machine from retaining garbage. Pattern bindings are locals like any other.
     */
    public List<LocalVariable> deadAt(Tree suspensionTree, Set<LocalVariable> fields) {
        List<LocalVariable> dead = new ArrayList<>();
        Suspension here = suspensions.stream().filter(s -> s.tree() == suspensionTree).findFirst().orElse(null);
        if (here == null) {
            return dead;
        }
        for (LocalVariable local : fields) {
            // a resource is used where its try statement ends, by the close that no source text shows
            if (!local.element.asType().getKind().isPrimitive() && !resourceOwners.containsKey(local.element)
                    && clearedAt(local, here)) {
                dead.add(local);
            }
        }
        return dead;
    }

    /** Whether the local's field is cleared when the coroutine suspends at {@code here}. */
    private boolean clearedAt(LocalVariable local, Suspension here) {
        // not computeIfAbsent: the answer for one suspension point asks for the one before
        Map<Suspension, Boolean> known = cleared.computeIfAbsent(local, l -> new IdentityHashMap<>());
        Boolean answer = known.get(here);
        if (answer == null) {
            answer = isDeadAt(local, here) && mayHoldAt(local, here);
            known.put(here, answer);
        }
        return answer;
    }

    /**
     * The test is conservative: a local is dead outside its scope (every path into the scope
     * binds it again), and inside it unless it is used after the start of the statement that
     * suspends (of the statement around a switch expression that suspends, if the local is declared
     * before that statement: see {@link Suspension#evaluationStart}), where it was not read for the
     * last time before the suspension ({@link Suspension#consumedBefore}), or anywhere in a loop
     * around the suspension that lies within its scope. A local declared inside the statement that
     * suspends, before the suspension, is live wherever it is used but where it was consumed.
     */
    private boolean isDeadAt(LocalVariable local, Suspension here) {
        if (here.start < local.declaredAt || here.start > local.scopeEnd) {
            return true;
        }
        if (local.declaredAt > here.statementStart()) {
            return local.references.stream().allMatch(here::consumedBefore);
        }
        return !isLiveAfter(local, here);
    }

    /**
     * Whether the local's field may hold a value at {@code here} that no earlier suspension point
     * cleared. Before its declaration it holds one only from an earlier turn of a loop around both.
     * After its scope, an await after the scope that every path to {@code here} passes has cleared
     * it. Inside its scope, the last await before {@code here} that every path to it passes has
     * cleared it, unless it did not or the local was declared or used since.
     */
    private boolean mayHoldAt(LocalVariable local, Suspension here) {
        if (here.start < local.declaredAt) {
            return loops.stream().anyMatch(loop -> loop.contains(here.start) && loop.contains(local.declaredAt));
        }
        if (here.start > local.scopeEnd) {
            return suspensions.stream().noneMatch(s -> isAwait(s) && s.start > local.scopeEnd && s.precedesAlways(here.start));
        }
        Suspension previous = null;
        for (Suspension suspension : suspensions) {
            if (isAwait(suspension) && suspension.precedesAlways(here.start)
                    && (previous == null || suspension.end > previous.end)) {
                previous = suspension;
            }
        }
        return previous == null || touchedBetween(local, previous.end, here.start) || !clearedAt(local, previous);
    }

    /** An await, where lowering clears dead fields; a returned coroutine ends the machine instead. */
    private static boolean isAwait(Suspension suspension) {
        return !(suspension.tree() instanceof ReturnTree);
    }

    private boolean isLiveAfter(LocalVariable local, Suspension here) {
        long evaluationStart = here.evaluationStart(local.declaredAt);
        for (long reference : local.references) {
            if (reference >= evaluationStart && reference <= local.scopeEnd && !here.consumedBefore(reference)) {
                return true;
            }
        }
        for (Range loop : loops) {
            if (loop.contains(here.statementStart()) && local.declaredAt < loop.start) {
                for (long reference : local.references) {
                    if (loop.contains(reference)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean touchedBetween(LocalVariable local, long from, long to) {
        if (local.declaredAt >= from && local.declaredAt < to) {
            return true;
        }
        for (long reference : local.references) {
            if (reference >= from && reference < to) {
                return true;
            }
        }
        return false;
    }
}
