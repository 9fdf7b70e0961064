package dev.jasyncio.processor.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The Java 21 patterns of generated programs: values of a small sealed hierarchy ({@link #TYPES}),
 * operands of static type {@code Shape} or {@code Object} to test, type and record patterns
 * (nested ones too) with the bindings they introduce, the case labels of a pattern switch, and
 * guards. A guard reads only its own case's bindings, literals, {@code p} and {@code arr}: Java
 * lets a guard read only effectively final variables, and a guard never awaits.
 */
final class Patterns {

    /** The member types of a program that uses patterns. */
    static final String TYPES = """
            sealed interface Shape permits Dot, Line, Pair {}

            record Dot(int x) implements Shape {}

            record Line(int from, int to) implements Shape {}

            record Pair(Shape left, Shape right) implements Shape {}
            """;

    private static final List<String> SHAPES = List.of("Dot", "Line", "Pair");

    /** An expression a binding gives the code in its scope (a name, or an accessor call on one). */
    record Binding(String expression, Scope.Type type) {}

    /** A pattern, or a whole {@code instanceof} test, and its bindings. */
    record Match(String text, List<Binding> bindings) {}

    private final Random random;
    private final Scope scope;
    private final Expressions expressions;
    private final boolean awaitsInOperands;

    Patterns(Random random, Scope scope, Expressions expressions, boolean awaitsInOperands) {
        this.random = random;
        this.scope = scope;
        this.expressions = expressions;
        this.awaitsInOperands = awaitsInOperands;
    }

    /** A value for a {@code Shape} variable or component: a new record, null, or another variable. */
    String shapeValue(int depth) {
        return switch (random.nextInt(depth < 2 ? 7 : 5)) {
            case 0, 1 -> "new Dot(" + expressions.intExpr(2) + ")";
            case 2, 3 -> "new Line(" + expressions.intExpr(2) + ", " + expressions.intExpr(2) + ")";
            case 4 -> scope.pick(Scope.Type.SHAPE, false).orElse("null");
            default -> "new Pair(" + shapeValue(depth + 1) + ", " + shapeValue(depth + 1) + ")";
        };
    }

    /** An operand of static type {@code Shape}, recorded by the probe when it is made here, awaited where awaits may be. */
    String shapeOperand() {
        List<Supplier<String>> options = new ArrayList<>();
        scope.pick(Scope.Type.SHAPE, false).ifPresent(v -> options.add(() -> v));
        options.add(() -> "p.<Shape>o(\"" + scope.tag() + "\", " + shapeValue(0) + ")");
        if (awaitsInOperands && scope.awaits()) {
            options.add(() -> "await(p.<Shape>ao(\"" + scope.tag() + "\", " + shapeValue(0) + "))");
        }
        return options.get(random.nextInt(options.size())).get();
    }

    /** An operand of static type {@code Object}: an {@code Integer}, a {@code String} or a shape. */
    String objectOperand() {
        String value = switch (random.nextInt(3)) {
            case 0 -> expressions.intExpr(1);
            case 1 -> expressions.stringExpr(1);
            default -> shapeValue(0);
        };
        return awaitsInOperands && scope.awaits() && random.nextBoolean()
                ? "await(p.<Object>ao(\"" + scope.tag() + "\", " + value + "))"
                : "p.<Object>o(\"" + scope.tag() + "\", " + value + ")";
    }

    /** {@code operand instanceof pattern}, with a shape or an object operand. */
    Match instanceofTest() {
        boolean objects = random.nextInt(4) == 0;
        String operand = objects ? objectOperand() : shapeOperand();
        Match pattern = objects && random.nextBoolean() ? objectTypePattern() : shapePattern(pick(SHAPES), 0, random.nextBoolean());
        return new Match(operand + " instanceof " + pattern.text(), pattern.bindings());
    }

    /**
     * The labels of a pattern switch over a shape, in an order javac accepts: per record type,
     * guarded cases (which dominate nothing), then perhaps one that matches only some pairs, then
     * perhaps one that matches every value of the type; {@code default} where a type is left out
     * (and sometimes besides), {@code case null} first or with the default.
     */
    List<Match> shapeCases() {
        List<Match> cases = new ArrayList<>();
        boolean exhaustive = true;
        List<String> types = new ArrayList<>(SHAPES);
        Collections.shuffle(types, random);
        for (String type : types) {
            for (int i = random.nextInt(3); i > 0; i--) {
                cases.add(guarded(shapePattern(type, 0, random.nextBoolean())));
            }
            if (type.equals("Pair") && random.nextInt(3) == 0) {
                cases.add(labeled(shapePattern(type, 0, false)));
            }
            if (random.nextInt(3) > 0) {
                cases.add(labeled(shapePattern(type, 0, true)));
            } else {
                exhaustive = false;
            }
        }
        return withNullAndDefault(cases, !exhaustive || random.nextInt(4) == 0);
    }

    /** The labels of a pattern switch over an object: integers, strings and shapes, always with a default. */
    List<Match> objectCases() {
        List<Match> cases = new ArrayList<>();
        List<String> types = new ArrayList<>(List.of("Integer", "String", pick(SHAPES)));
        Collections.shuffle(types, random);
        for (String type : types.subList(0, 1 + random.nextInt(types.size()))) {
            boolean shape = SHAPES.contains(type);
            for (int i = random.nextInt(3); i > 0; i--) {
                cases.add(guarded(shape ? shapePattern(type, 0, random.nextBoolean()) : typePattern(type)));
            }
            if (random.nextBoolean()) {
                cases.add(labeled(shape ? shapePattern(type, 0, true) : typePattern(type)));
            }
        }
        return withNullAndDefault(cases, true);
    }

    private List<Match> withNullAndDefault(List<Match> cases, boolean needsDefault) {
        List<Match> labels = new ArrayList<>(cases);
        switch (random.nextInt(3)) {
            case 0 -> labels.add(0, new Match("case null", List.of()));
            case 1 -> {
                labels.add(new Match("case null, default", List.of()));
                return labels;
            }
            default -> { }
        }
        if (needsDefault) {
            labels.add(new Match("default", List.of()));
        }
        return labels;
    }

    private Match labeled(Match pattern) {
        return new Match("case " + pattern.text(), pattern.bindings());
    }

    private Match guarded(Match pattern) {
        return new Match("case " + pattern.text() + " when " + guard(pattern.bindings()), pattern.bindings());
    }

    /**
     * A pattern for one record type of the hierarchy: a type pattern or a record pattern, whose
     * components are type, {@code var} or (one level deep) record patterns themselves; it matches
     * every value of the type when {@code total}.
     */
    private Match shapePattern(String type, int depth, boolean total) {
        String name = "b" + scope.tag();
        if (total && random.nextInt(3) == 0) {
            return new Match(type + " " + name, switch (type) {
                case "Dot" -> List.of(new Binding(name + ".x()", Scope.Type.INT));
                case "Line" -> List.of(new Binding(name + ".from()", Scope.Type.INT), new Binding(name + ".to()", Scope.Type.INT));
                default -> List.of(new Binding(name + ".left()", Scope.Type.SHAPE),
                        new Binding(name + ".right()", Scope.Type.SHAPE));
            });
        }
        if (type.equals("Dot")) {
            return new Match("Dot(" + pick("int ", "var ") + name + ")", List.of(new Binding(name, Scope.Type.INT)));
        }
        if (type.equals("Line")) {
            String to = "b" + scope.tag();
            return new Match("Line(" + pick("int ", "var ") + name + ", " + pick("int ", "var ") + to + ")",
                    List.of(new Binding(name, Scope.Type.INT), new Binding(to, Scope.Type.INT)));
        }
        boolean narrowLeft = !total && (depth > 0 || random.nextBoolean());
        Match left = component(depth, narrowLeft);
        Match right = component(depth, !total && !narrowLeft);
        List<Binding> bindings = new ArrayList<>(left.bindings());
        bindings.addAll(right.bindings());
        return new Match("Pair(" + left.text() + ", " + right.text() + ")", bindings);
    }

    /** A component of a pair's pattern: any shape ({@code var} or {@code Shape}), or one record type's pattern. */
    private Match component(int depth, boolean narrow) {
        if (!narrow) {
            String name = "b" + scope.tag();
            return new Match(pick("var ", "Shape ") + name, List.of(new Binding(name, Scope.Type.SHAPE)));
        }
        String type = depth == 0 ? pick(SHAPES) : pick("Dot", "Line");
        return shapePattern(type, depth + 1, random.nextBoolean());
    }

    private Match objectTypePattern() {
        return typePattern(pick("Integer", "String"));
    }

    private Match typePattern(String type) {
        String name = "b" + scope.tag();
        return new Match(type + " " + name, List.of(new Binding(name, type.equals("String") ? Scope.Type.STRING : Scope.Type.INT)));
    }

    /** A condition on the bindings, with no await and no other variable. */
    String guard(List<Binding> bindings) {
        Binding binding = bindings.get(random.nextInt(bindings.size()));
        String b = binding.expression();
        int k = random.nextInt(6);
        return switch (binding.type()) {
            case INT -> pick(b + " > " + k, "(" + b + " & 1) == 0", "p.b(\"" + scope.tag() + "\", " + b + " < " + k + ")",
                    "p.v(\"" + scope.tag() + "\", " + b + ") != " + k, "arr[" + b + " & 3] > " + k);
            case STRING -> pick(b + ".length() > " + (k % 3), b + ".equals(\"x\")", "p.b(\"" + scope.tag() + "\", " + b + ".isEmpty())");
            default -> pick(b + " instanceof Dot", b + " != null", "p.b(\"" + scope.tag() + "\", " + b + " == null)");
        };
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
