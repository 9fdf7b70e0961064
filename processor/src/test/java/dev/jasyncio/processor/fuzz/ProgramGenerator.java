package dev.jasyncio.processor.fuzz;

import dev.jasyncio.processor.fuzz.Tree.Block;
import dev.jasyncio.processor.fuzz.Tree.Method;
import dev.jasyncio.processor.fuzz.Tree.Program;
import dev.jasyncio.processor.fuzz.Tree.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Builds random blueprints that javac accepts warning-free under {@code -Xlint:all}, that always
 * terminate (every loop is bounded by a counter the body cannot touch) and that are deterministic:
 * a {@code main(Probe)} and up to two helper blueprints it awaits, mixing the statements the
 * {@link Feature features} allow, as often as a {@link Mix} says.
 */
final class ProgramGenerator {

    private static final int MAX_NESTING = 4;
    /**
     * The most appends that can double a string (see {@link StringGrowth}) one call of a method may
     * execute: a string grows to at most some 4,096 times what it could be without them. Without a
     * limit, a method whose loops repeat {@code s += p.s("t", s + a)} 32 times ran out of memory.
     */
    static final int MAX_STRING_DOUBLINGS = 12;
    private static final String MAIN_RESULT =
            "return done(a + \",\" + b + \",\" + s + \",\" + f + \",\" + Arrays.toString(arr));";

    private final Set<Feature> features;
    private final Mix mix;
    private final Random random;
    private Scope scope;
    private Expressions expressions;
    private Patterns patterns;
    private String returnStatement;
    private int budget;

    ProgramGenerator(Set<Feature> features, long seed) {
        this(features, Mix.FUZZ, seed);
    }

    ProgramGenerator(Set<Feature> features, Mix mix, long seed) {
        this.features = features;
        this.mix = mix;
        this.random = new Random(seed);
    }

    Program generate(String className) {
        int helperCount = features.contains(Feature.HELPER_BLUEPRINTS) ? random.nextInt(3) : 0;
        List<Method> methods = new ArrayList<>();
        methods.add(method("main", "static Coroutine<String> main(Probe p)", MAIN_RESULT, helpers(0, helperCount),
                size(8 + random.nextInt(16)), """
                        int a = p.v("a", 1);
                        int b = 2;
                        String s = "s";
                        boolean f = false;
                        int[] arr = {1, 2, 3, 4};""", List.of(
                        new Declared("a", Scope.Type.INT), new Declared("b", Scope.Type.INT),
                        new Declared("s", Scope.Type.STRING), new Declared("f", Scope.Type.BOOLEAN))));
        for (int k = 0; k < helperCount; k++) {
            methods.add(method("h" + k, "static Coroutine<Integer> h" + k + "(Probe p, int n)",
                    "return done(n * 31 + c);", helpers(k + 1, helperCount), size(2 + random.nextInt(6)), """
                            int c = p.v("h%d", n);
                            String s = "h";
                            int[] arr = {n, 0, 1, n};""".formatted(k), List.of(
                            new Declared("n", Scope.Type.INT), new Declared("c", Scope.Type.INT),
                            new Declared("s", Scope.Type.STRING))));
        }
        return new Program(className, usesPatterns() ? Patterns.TYPES : "", methods);
    }

    private boolean usesPatterns() {
        return features.contains(Feature.INSTANCEOF_PATTERNS) || features.contains(Feature.PATTERN_SWITCH);
    }

    private int size(int fuzzerBudget) {
        return fuzzerBudget * mix.sizePercent() / 100;
    }

    private record Declared(String name, Scope.Type type) {}

    private static List<String> helpers(int from, int count) {
        List<String> names = new ArrayList<>();
        for (int k = from; k < count; k++) {
            names.add("h" + k);
        }
        return names;
    }

    private Method method(String name, String signature, String result, List<String> callable, int size,
            String prelude, List<Declared> declared) {
        scope = new Scope(random, name.equals("main") ? "t" : name + "t", callable);
        expressions = new Expressions(features, mix.awaitsAnywhere(), random, scope);
        patterns = new Patterns(random, scope, expressions, mix.awaitsAnywhere());
        returnStatement = result;
        budget = size;
        for (Declared d : declared) {
            scope.declare(d.name(), d.type(), true);
        }
        List<Stmt> body = new ArrayList<>();
        for (String line : prelude.split("\n")) {
            body.add(Stmt.line(line));
        }
        while (budget > 0) {
            body.add(statement(0));
        }
        body.add(Stmt.line(result));
        return new Method("@SuppressWarnings(\"fallthrough\")\n@Async\n" + signature,
                StringGrowth.limited(new Block(body), MAX_STRING_DOUBLINGS));
    }

    private Block block(int nesting, int max) {
        int mark = scope.mark();
        List<Stmt> stmts = new ArrayList<>();
        int count = 1 + random.nextInt(max);
        for (int i = 0; i < count && budget > 0; i++) {
            stmts.add(statement(nesting));
        }
        scope.release(mark);
        return new Block(stmts);
    }

    private Stmt statement(int nesting) {
        budget--;
        List<Supplier<Stmt>> options = new ArrayList<>();
        addTimes(options, mix.simple(), this::simpleStatement);
        addTimes(options, mix.declarations(), this::declaration);
        addTimes(options, mix.exits(), this::jumpOrExit);
        if (nesting < MAX_NESTING && budget > 0) {
            addCompound(options, Feature.IF, () -> ifStatement(nesting));
            addCompound(options, Feature.FOR, () -> forLoop(nesting));
            addCompound(options, Feature.WHILE, () -> whileLoop(nesting));
            addCompound(options, Feature.DO_WHILE, () -> doWhileLoop(nesting));
            addCompound(options, Feature.FOR_EACH, () -> forEachLoop(nesting));
            addCompound(options, Feature.TRY, () -> tryStatement(nesting));
            addCompound(options, Feature.TRY_WITH_RESOURCES, () -> tryWithResources(nesting));
            addCompound(options, Feature.SWITCH, () -> switchStatement(nesting));
            addCompound(options, Feature.SWITCH_EXPRESSION, () -> switchExpression(nesting));
            addCompound(options, Feature.INSTANCEOF_PATTERNS, () -> instanceofIf(nesting));
            addCompound(options, Feature.INSTANCEOF_PATTERNS, this::negatedInstanceof);
            addCompound(options, Feature.PATTERN_SWITCH, () -> patternSwitch(nesting));
            addCompound(options, Feature.PATTERN_SWITCH, () -> patternSwitchExpression(nesting));
        }
        return options.get(random.nextInt(options.size())).get();
    }

    private void addCompound(List<Supplier<Stmt>> options, Feature feature, Supplier<Stmt> statement) {
        if (features.contains(feature)) {
            addTimes(options, mix.compounds().getOrDefault(feature, 0), statement);
        }
    }

    private static void addTimes(List<Supplier<Stmt>> options, int times, Supplier<Stmt> statement) {
        for (int i = 0; i < times; i++) {
            options.add(statement);
        }
    }

    private Stmt simpleStatement() {
        if (!mix.awaitsAnywhere() && scope.awaits() && random.nextInt(100) < mix.awaitPercent()) {
            return awaitStatement();
        }
        Expressions e = expressions;
        List<Supplier<String>> options = new ArrayList<>();
        scope.pick(Scope.Type.INT, true).ifPresent(v -> {
            options.add(() -> v + " " + e.pick("=", "+=", "-=", "*=", "^=", "|=") + " " + e.intExpr() + ";");
            options.add(() -> e.pick(v + "++;", "--" + v + ";"));
        });
        scope.pick(Scope.Type.STRING, true).ifPresent(v -> options.add(() -> v + " " + e.pick("=", "+=") + " " + e.stringExpr() + ";"));
        scope.pick(Scope.Type.BOOLEAN, true).ifPresent(v -> options.add(() -> v + " " + e.pick("=", "&=", "|=", "^=") + " " + e.boolExpr() + ";"));
        if (usesPatterns()) {
            scope.pick(Scope.Type.SHAPE, true).ifPresent(v -> options.add(() -> v + " = " + patterns.shapeValue(0) + ";"));
        }
        options.add(() -> "arr[" + e.index(0) + "] " + e.pick("=", "+=", "-=", "*=") + " " + e.intExpr() + ";");
        options.add(() -> "arr[" + e.index(0) + "]" + e.pick("++", "--") + ";");
        options.add(() -> "p.log(\"" + scope.tag() + " \" + " + e.intExpr() + ");");
        options.add(() -> "p.log(" + e.stringExpr() + ");");
        if (mix.awaitsAnywhere() && scope.awaits()) {
            options.add(() -> "await(p.a(\"" + scope.tag() + "\", " + e.intExpr() + "));");
            scope.helper().ifPresent(h -> options.add(() -> "await(" + h + "(p, " + e.intExpr() + "));"));
        }
        return Stmt.line(options.get(random.nextInt(options.size())).get());
    }

    /**
     * An await where the project's own methods put theirs: alone, as a declaration's or an
     * assignment's value, as an argument, or awaiting a helper blueprint.
     */
    private Stmt awaitStatement() {
        String awaited = "await(p.a(\"" + scope.tag() + "\", " + expressions.intExpr() + "))";
        List<Supplier<Stmt>> options = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            options.add(() -> Stmt.line(awaited + ";"));
        }
        options.add(() -> {
            String name = "v" + scope.tag();
            return declare("int " + name + " = " + awaited + ";", name, Scope.Type.INT);
        });
        scope.pick(Scope.Type.INT, true).ifPresent(v -> options.add(() -> Stmt.line(v + " " + expressions.pick("=", "+=")
                + " " + awaited + ";")));
        options.add(() -> Stmt.line("p.log(\"" + scope.tag() + " \" + " + awaited + ");"));
        scope.helper().ifPresent(h -> options.add(() -> Stmt.line("await(" + h + "(p, " + expressions.intExpr() + "));")));
        return options.get(random.nextInt(options.size())).get();
    }

    private Stmt declaration() {
        String name = "v" + scope.tag();
        return switch (random.nextInt(usesPatterns() ? 4 : 3)) {
            case 0 -> declare("String " + name + " = " + expressions.stringExpr() + ";", name, Scope.Type.STRING);
            case 1 -> declare("boolean " + name + " = " + expressions.boolExpr() + ";", name, Scope.Type.BOOLEAN);
            case 3 -> declare("Shape " + name + " = " + patterns.shapeValue(0) + ";", name, Scope.Type.SHAPE);
            default -> declare("int " + name + " = " + expressions.intExpr() + ";", name, Scope.Type.INT);
        };
    }

    private Stmt declare(String text, String name, Scope.Type type) {
        scope.declare(name, type, true);
        return Stmt.line(text);
    }

    /** A jump, return or throw, always under an {@code if} so that what follows stays reachable. */
    private Stmt jumpOrExit() {
        String exit = exit(true);
        return new Stmt(List.of("if (" + expressions.boolExpr() + ") ", new Block(List.of(Stmt.line(exit)))));
    }

    /** A jump, return or throw that is legal here, or an awaited failure when {@code awaitedFailure}. */
    private String exit(boolean awaitedFailure) {
        List<String> exits = new ArrayList<>();
        scope.jump(features.contains(Feature.LABELED_JUMPS)).ifPresent(exits::add);
        if (scope.returns()) {
            exits.add(returnStatement);
        }
        exits.add("throw new " + expressions.pick("IllegalStateException", "IllegalArgumentException",
                "UnsupportedOperationException") + "(\"" + scope.tag() + " \" + " + expressions.intExpr() + ");");
        if (awaitedFailure && scope.awaits() && features.contains(Feature.AWAITED_FAILURES)) {
            exits.add("await(p.fail(\"" + scope.tag() + "\", \"failed " + scope.tag() + "\"));");
        }
        return exits.get(random.nextInt(exits.size()));
    }

    private Stmt ifStatement(int nesting) {
        String condition = expressions.boolExpr();
        Block then = block(nesting + 1, 3);
        if (random.nextBoolean()) {
            return new Stmt(List.of("if (" + condition + ") ", then));
        }
        return new Stmt(List.of("if (" + condition + ") ", then, " else ", block(nesting + 1, 3)));
    }

    private String label() {
        return features.contains(Feature.LABELED_JUMPS) && random.nextInt(3) == 0 ? "L" + scope.tag() : null;
    }

    private String labelPrefix(String label) {
        return label == null ? "" : label + ":\n";
    }

    private Block loopBody(int nesting, String label) {
        scope.enter(new Scope.Target(label, true));
        Block body = block(nesting + 1, 3);
        scope.leave();
        return body;
    }

    private int bound() {
        return 1 + random.nextInt(3);
    }

    private Stmt forLoop(int nesting) {
        String counter = "i" + scope.tag();
        String label = label();
        String limit = mix.awaitsAnywhere() && scope.awaits() && random.nextBoolean()
                ? "await(p.a(\"" + scope.tag() + "\", " + bound() + "))" : Integer.toString(bound());
        int mark = scope.mark();
        scope.declare(counter, Scope.Type.INT, false);
        Block body = loopBody(nesting, label);
        scope.release(mark);
        return new Stmt(List.of(labelPrefix(label) + "for (int " + counter + " = 0; " + counter + " < " + limit + "; "
                + counter + "++) ", body));
    }

    private Stmt whileLoop(int nesting) {
        String counter = "w" + scope.tag();
        String label = label();
        String condition = counter + "++ < " + bound() + " && " + expressions.boolExpr();
        return new Stmt(List.of("int " + counter + " = 0;\n" + labelPrefix(label) + "while (" + condition + ") ",
                loopBody(nesting, label)));
    }

    private Stmt doWhileLoop(int nesting) {
        String counter = "d" + scope.tag();
        String label = label();
        Block body = loopBody(nesting, label);
        return new Stmt(List.of("int " + counter + " = 0;\n" + labelPrefix(label) + "do ", body,
                " while (++" + counter + " < " + bound() + " && " + expressions.boolExpr() + ");"));
    }

    private Stmt forEachLoop(int nesting) {
        String element = "x" + scope.tag();
        String label = label();
        int mark = scope.mark();
        String head;
        if (random.nextBoolean()) {
            head = "for (int " + element + " : " + (random.nextBoolean() ? "arr" : "new int[] {" + expressions.intExpr()
                    + ", " + expressions.intExpr() + "}") + ") ";
            scope.declare(element, Scope.Type.INT, false);
        } else {
            head = "for (String " + element + " : List.of(" + expressions.stringExpr() + ", \"e\")) ";
            scope.declare(element, Scope.Type.STRING, false);
        }
        Block body = loopBody(nesting, label);
        scope.release(mark);
        return new Stmt(List.of(labelPrefix(label) + head, body));
    }

    /** Runs {@code inside} with awaits allowed only if {@code feature} allows them there. */
    private <T> T awaitingOnlyWith(Feature feature, Supplier<T> inside) {
        boolean outer = scope.awaits();
        scope.allowAwaits(outer && features.contains(feature));
        try {
            return inside.get();
        } finally {
            scope.allowAwaits(outer);
        }
    }

    private Stmt tryStatement(int nesting) {
        return awaitingOnlyWith(Feature.AWAIT_IN_TRY, () -> {
            List<Object> parts = new ArrayList<>();
            parts.add("try ");
            parts.add(block(nesting + 1, 4));
            addCatchesAndFinally(parts, nesting, false);
            return new Stmt(parts);
        });
    }

    /**
     * Catch clauses (each type at most once, a multi-catch only with types not caught on their
     * own, {@code RuntimeException} last) and a finally block; without catches the finally is
     * required unless {@code optional}.
     */
    private void addCatchesAndFinally(List<Object> parts, int nesting, boolean optional) {
        List<String> types = new ArrayList<>();
        switch (random.nextInt(optional ? 5 : 4)) {
            case 0 -> types.add("IllegalStateException");
            case 1 -> types.add("IllegalArgumentException | UnsupportedOperationException");
            case 2 -> types.addAll(List.of("IllegalArgumentException", "IllegalStateException"));
            case 3 -> types.addAll(List.of("UnsupportedOperationException", "IllegalStateException | IllegalArgumentException"));
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            types.add("RuntimeException");
        }
        for (String type : types) {
            String name = "e" + scope.tag();
            List<Stmt> stmts = new ArrayList<>();
            stmts.add(Stmt.line("p.log(\"caught \" + " + name + ".getMessage());"));
            stmts.addAll(block(nesting + 1, 2).stmts());
            parts.add(" catch (" + type + " " + name + ") ");
            parts.add(new Block(stmts));
        }
        if (types.isEmpty() && !optional || random.nextBoolean()) {
            parts.add(" finally ");
            parts.add(block(nesting + 1, 3));
        }
    }

    private Stmt tryWithResources(int nesting) {
        return awaitingOnlyWith(Feature.AWAIT_IN_TRY, () -> {
            int count = 1 + random.nextInt(2);
            List<String> resources = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "r" + scope.tag();
                names.add(name);
                String opened = "\"" + name + "\" + " + expressions.intExpr();
                String resource = random.nextInt(3) == 0
                        ? "p.openFailingOnClose(" + opened + ", \"close " + name + " failed\")"
                        : "p.open(" + opened + ")";
                resources.add("Resource " + name + " = " + (!mix.awaitsAnywhere() && scope.awaits()
                        ? "await(p.ao(\"" + scope.tag() + "\", " + resource + "))" : resource));
            }
            List<Stmt> body = new ArrayList<>();
            body.add(Stmt.line("p.log(" + String.join(" + ", names.stream().map(n -> n + ".name()").toList()) + ");"));
            body.addAll(block(nesting + 1, 3).stmts());
            List<Object> parts = new ArrayList<>();
            parts.add("try (" + String.join("; ", resources) + ") ");
            parts.add(new Block(body));
            addCatchesAndFinally(parts, nesting, true);
            return new Stmt(parts);
        });
    }

    /** A switch selector and the case labels that fit it. */
    private record Selector(String expression, List<String> labels) {}

    private Selector selector() {
        return switch (random.nextInt(4)) {
            case 0 -> new Selector("String.valueOf(" + expressions.index(0) + ")", List.of("\"0\"", "\"1\"", "\"2\"", "\"3\""));
            case 1 -> new Selector(expressions.stringExpr(), List.of("\"x\"", "\"y\"", "\"zz\"", "\"1\""));
            case 2 -> new Selector("Color.values()[Math.floorMod(" + expressions.intExpr() + ", 3)]",
                    List.of("RED", "GREEN", "BLUE"));
            default -> new Selector(expressions.index(0), List.of("0", "1", "2", "3"));
        };
    }

    /** Case labels: a shuffled subset of the selector's, some grouped two to a case. */
    private List<String> caseLabels(Selector selector) {
        List<String> pool = new ArrayList<>(selector.labels());
        Collections.shuffle(pool, random);
        List<String> cases = new ArrayList<>();
        int count = 1 + random.nextInt(pool.size() - 1);
        for (int i = 0; i < count; i++) {
            if (i + 1 < count && random.nextInt(4) == 0) {
                cases.add(pool.get(i) + ", " + pool.get(++i));
            } else {
                cases.add(pool.get(i));
            }
        }
        return cases;
    }

    private Stmt switchStatement(int nesting) {
        return awaitingOnlyWith(Feature.AWAIT_IN_SWITCH, () -> {
            Selector selector = selector();
            List<String> cases = caseLabels(selector);
            if (random.nextBoolean()) {
                cases.add(null);
            }
            boolean arrows = random.nextBoolean();
            scope.enter(new Scope.Target(null, false));
            List<Object> parts = new ArrayList<>();
            String open = "switch (" + selector.expression() + ") {";
            for (int i = 0; i < cases.size(); i++) {
                String label = cases.get(i) == null ? "default" : "case " + cases.get(i);
                String prefix = (i == 0 ? open : "") + "\n    " + label;
                if (arrows) {
                    parts.add(prefix + " -> ");
                    parts.add(block(nesting + 1, 3));
                } else {
                    parts.add(prefix + ":");
                    List<Stmt> group = new ArrayList<>(block(nesting + 1, 3).stmts());
                    if (random.nextInt(3) > 0) {
                        group.add(Stmt.line("break;"));
                    }
                    parts.add(new Block(group, false));
                }
            }
            scope.leave();
            parts.add(arrows ? "\n}" : "}");
            return new Stmt(parts);
        });
    }

    /** {@code int v = switch (...) { ... };} with expression arms and blocks that yield. */
    private Stmt switchExpression(int nesting) {
        String name = "v" + scope.tag();
        Stmt statement = awaitingOnlyWith(Feature.AWAIT_IN_SWITCH, () -> {
            Selector selector = selector();
            List<String> cases = caseLabels(selector);
            cases.add(null);
            boolean arrows = random.nextBoolean();
            return switchExpressionOf(name, selector.expression(), arrows, cases.size(), (i, open) -> {
                String label = cases.get(i) == null ? "default" : "case " + cases.get(i);
                String prefix = open + "\n    " + label;
                boolean last = i == cases.size() - 1;
                if (arrows && random.nextBoolean()) {
                    return List.of(prefix + " -> " + expressions.intExpr() + ";");
                }
                List<Stmt> group = new ArrayList<>(block(nesting + 1, 2).stmts());
                if (last || random.nextInt(4) > 0) {
                    group.add(Stmt.line("yield " + expressions.intExpr() + ";"));
                }
                return List.of(prefix + (arrows ? " -> " : ":"), arrows ? new Block(lastYields(group)) : new Block(group, false));
            });
        });
        scope.declare(name, Scope.Type.INT, true);
        return statement;
    }

    /**
     * {@code int name = switch (selector) { ... };}: each of its {@code count} cases written by
     * {@code arm} (given the case's index and the text that opens the switch before the first),
     * where no jump leaves the switch and no return may stand.
     */
    private Stmt switchExpressionOf(String name, String selector, boolean arrows, int count,
            BiFunction<Integer, String, List<Object>> arm) {
        Deque<Scope.Target> outer = scope.replaceTargets(new ArrayDeque<>());
        boolean returns = scope.returns();
        scope.allowReturns(false);
        List<Object> parts = new ArrayList<>();
        String open = "int " + name + " = switch (" + selector + ") {";
        for (int i = 0; i < count; i++) {
            parts.addAll(arm.apply(i, i == 0 ? open : ""));
        }
        scope.allowReturns(returns);
        scope.replaceTargets(outer);
        parts.add(arrows ? "\n};" : "};");
        return new Stmt(parts);
    }

    /** An arrow arm's block must yield: adds a yield if the group has none. */
    private List<Stmt> lastYields(List<Stmt> group) {
        if (!group.isEmpty() && group.get(group.size() - 1).parts().get(0) instanceof String text
                && text.startsWith("yield ")) {
            return group;
        }
        List<Stmt> withYield = new ArrayList<>(group);
        withYield.add(Stmt.line("yield " + expressions.intExpr() + ";"));
        return withYield;
    }

    /**
     * {@code if (x instanceof P && ...)}: the pattern's bindings are in scope in the condition's
     * other operands, perhaps a second test, and the then-block, which ends by reading one of them
     * (after whatever awaits the block has).
     */
    private Stmt instanceofIf(int nesting) {
        int mark = scope.mark();
        StringBuilder condition = new StringBuilder(declared(patterns.instanceofTest()));
        if (random.nextBoolean()) {
            condition.append(" && ").append(expressions.boolExpr());
        }
        if (random.nextInt(3) == 0) {
            condition.append(" && ").append(declared(patterns.instanceofTest()));
        }
        Block then = withBindingRead(block(nesting + 1, 3), scope.bindingsSince(mark));
        scope.release(mark);
        if (random.nextBoolean()) {
            return new Stmt(List.of("if (" + condition + ") ", then));
        }
        return new Stmt(List.of("if (" + condition + ") ", then, " else ", block(nesting + 1, 3)));
    }

    /**
     * {@code if (!(x instanceof P)) exit;}: the bindings are in scope for the rest of the block
     * (Java introduces them there because the exit cannot complete normally).
     */
    private Stmt negatedInstanceof() {
        Patterns.Match test = patterns.instanceofTest();
        String exit = exit(false);
        declared(test);
        return new Stmt(List.of("if (!(" + test.text() + ")) ", new Block(List.of(Stmt.line(exit)))));
    }

    /** Puts a pattern's bindings in scope (none is assigned: a guard could not read it then) and returns its text. */
    private String declared(Patterns.Match match) {
        for (Patterns.Binding binding : match.bindings()) {
            scope.declare(binding.expression(), binding.type(), false);
        }
        return match.text();
    }

    /** {@code block} ending with a log of one of {@code bindings}, if there are any. */
    private Block withBindingRead(Block block, List<String> bindings) {
        if (bindings.isEmpty()) {
            return block;
        }
        List<Stmt> stmts = new ArrayList<>(block.stmts());
        stmts.add(Stmt.line("p.log(\"" + scope.tag() + " \" + " + bindings.get(random.nextInt(bindings.size())) + ");"));
        return block.with(stmts);
    }

    /** The selector of a pattern switch and its case labels: over a shape, or (a third of the time) an object. */
    private record PatternSelector(String expression, List<Patterns.Match> cases) {}

    private PatternSelector patternSelector() {
        if (random.nextInt(3) == 0) {
            return new PatternSelector(patterns.objectOperand(), patterns.objectCases());
        }
        return new PatternSelector(patterns.shapeOperand(), patterns.shapeCases());
    }

    /**
     * A switch statement over patterns, arrow or colon form (each colon group ends with a break:
     * no group may fall into a pattern's label); each case body reads one of its bindings last.
     */
    private Stmt patternSwitch(int nesting) {
        return awaitingOnlyWith(Feature.AWAIT_IN_SWITCH, () -> {
            PatternSelector selector = patternSelector();
            boolean arrows = random.nextBoolean();
            scope.enter(new Scope.Target(null, false));
            List<Object> parts = new ArrayList<>();
            String open = "switch (" + selector.expression() + ") {";
            for (int i = 0; i < selector.cases().size(); i++) {
                Patterns.Match label = selector.cases().get(i);
                String prefix = (i == 0 ? open : "") + "\n    " + label.text();
                int mark = scope.mark();
                declared(label);
                Block body = withBindingRead(block(nesting + 1, 3), scope.bindingsSince(mark));
                scope.release(mark);
                if (arrows) {
                    parts.add(prefix + " -> ");
                    parts.add(body);
                } else {
                    List<Stmt> group = new ArrayList<>(body.stmts());
                    group.add(Stmt.line("break;"));
                    parts.add(prefix + ":");
                    parts.add(new Block(group, false));
                }
            }
            scope.leave();
            parts.add(arrows ? "\n}" : "}");
            return new Stmt(parts);
        });
    }

    /** {@code int v = switch (...) { ... };} over patterns, with expression arms and blocks that yield. */
    private Stmt patternSwitchExpression(int nesting) {
        String name = "v" + scope.tag();
        Stmt statement = awaitingOnlyWith(Feature.AWAIT_IN_SWITCH, () -> {
            PatternSelector selector = patternSelector();
            boolean arrows = random.nextBoolean();
            return switchExpressionOf(name, selector.expression(), arrows, selector.cases().size(), (i, open) -> {
                Patterns.Match label = selector.cases().get(i);
                String prefix = open + "\n    " + label.text();
                int mark = scope.mark();
                declared(label);
                List<Object> arm;
                if (arrows && random.nextBoolean()) {
                    arm = List.of(prefix + " -> " + expressions.intExpr() + ";");
                } else {
                    List<Stmt> group = new ArrayList<>(block(nesting + 1, 2).stmts());
                    group.add(Stmt.line("yield " + expressions.intExpr() + ";"));
                    arm = List.of(prefix + (arrows ? " -> " : ":"), new Block(group, arrows));
                }
                scope.release(mark);
                return arm;
            });
        });
        scope.declare(name, Scope.Type.INT, true);
        return statement;
    }
}
