package dev.jasyncio.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Generates well-typed expressions of type {@code int}, {@code boolean} and {@code String} over the
 * variables in scope, with probe calls whose evaluation the trace records, awaits (where allowed,
 * unless the {@link Mix} keeps them out of operands) and side effects ({@code ++}, assignments) in operand positions.
 */
final class Expressions {

    private static final int MAX_DEPTH = 3;

    private final Set<Feature> features;
    private final boolean awaitsInOperands;
    private final Random random;
    private final Scope scope;

    Expressions(Set<Feature> features, boolean awaitsInOperands, Random random, Scope scope) {
        this.features = features;
        this.awaitsInOperands = awaitsInOperands;
        this.random = random;
        this.scope = scope;
    }

    String intExpr() {
        return intExpr(0);
    }

    String boolExpr() {
        return boolExpr(0);
    }

    String stringExpr() {
        return stringExpr(0);
    }

    /** An index into {@code arr}, which always has four elements. */
    String index(int depth) {
        return "(" + intExpr(depth + 1) + ") & 3";
    }

    String intExpr(int depth) {
        List<Supplier<String>> options = new ArrayList<>();
        options.add(() -> Integer.toString(random.nextInt(10)));
        options.add(() -> scope.pick(Scope.Type.INT, false).orElse("7"));
        options.add(() -> scope.pick(Scope.Type.INT, false).orElse("-3"));
        if (depth < MAX_DEPTH) {
            options.add(() -> "p.v(\"" + scope.tag() + "\", " + intExpr(depth + 1) + ")");
            options.add(() -> "(" + intExpr(depth + 1) + " " + pick("+", "-", "*", "^", "&", "|") + " " + intExpr(depth + 1) + ")");
            options.add(() -> "arr[" + index(depth) + "]");
            options.add(() -> stringExpr(depth + 1) + ".length()");
            options.add(() -> "Math.max(" + intExpr(depth + 1) + ", " + intExpr(depth + 1) + ")");
            options.add(() -> "(" + intExpr(depth + 1) + ") % " + (2 + random.nextInt(5)));
            scope.pick(Scope.Type.INT, true).ifPresent(v -> {
                options.add(() -> pick(v + "++", "++" + v, v + "--", "--" + v));
                options.add(() -> "(" + v + " " + pick("=", "+=", "-=", "*=") + " " + intExpr(depth + 1) + ")");
            });
            options.add(() -> "arr[" + index(depth) + "]" + pick("++", "--"));
            if (features.contains(Feature.CONDITIONAL)) {
                options.add(() -> "(" + boolExpr(depth + 1) + " ? " + intExpr(depth + 1) + " : " + intExpr(depth + 1) + ")");
            }
            if (awaitsInOperands && scope.awaits()) {
                options.add(() -> "await(p.a(\"" + scope.tag() + "\", " + intExpr(depth + 1) + "))");
                options.add(() -> "await(p.a(\"" + scope.tag() + "\", " + intExpr(depth + 1) + "))");
                if (features.contains(Feature.AWAITED_FAILURES) && random.nextInt(8) == 0) {
                    options.add(() -> "await(p.fail(\"" + scope.tag() + "\", \"failed " + scope.tag() + "\"))");
                }
                scope.helper().ifPresent(h -> options.add(() -> "await(" + h + "(p, " + intExpr(depth + 1) + "))"));
            }
            if (features.contains(Feature.SWITCH_EXPRESSION) && depth < 2) {
                options.add(() -> inlineSwitch(depth));
            }
        }
        return options.get(random.nextInt(options.size())).get();
    }

    String boolExpr(int depth) {
        List<Supplier<String>> options = new ArrayList<>();
        options.add(() -> random.nextBoolean() ? "true" : "false");
        options.add(() -> scope.pick(Scope.Type.BOOLEAN, false).orElse("false"));
        options.add(() -> "(" + intExpr(depth + 1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + intExpr(depth + 1) + ")");
        if (depth < MAX_DEPTH) {
            options.add(() -> "(" + boolExpr(depth + 1) + " " + pick("&&", "||", "&&", "||", "&", "^") + " "
                    + boolExpr(depth + 1) + ")");
            options.add(() -> "!" + boolAtom(depth + 1));
            options.add(() -> "p.b(\"" + scope.tag() + "\", " + boolExpr(depth + 1) + ")");
            options.add(() -> stringExpr(depth + 1) + ".equals(" + stringExpr(depth + 1) + ")");
            if (awaitsInOperands && scope.awaits()) {
                options.add(() -> "await(p.ab(\"" + scope.tag() + "\", " + boolExpr(depth + 1) + "))");
            }
        }
        return options.get(random.nextInt(options.size())).get();
    }

    String stringExpr(int depth) {
        List<Supplier<String>> options = new ArrayList<>();
        options.add(() -> "\"" + pick("x", "y", "zz", "0", "1") + "\"");
        options.add(() -> scope.pick(Scope.Type.STRING, false).orElse("\"w\""));
        if (depth < MAX_DEPTH) {
            options.add(() -> "(" + stringExpr(depth + 1) + " + " + intExpr(depth + 1) + ")");
            options.add(() -> "String.valueOf(" + intExpr(depth + 1) + " & 3)");
            options.add(() -> "p.s(\"" + scope.tag() + "\", " + stringExpr(depth + 1) + ")");
            if (features.contains(Feature.CONDITIONAL)) {
                options.add(() -> "(" + boolExpr(depth + 1) + " ? " + stringExpr(depth + 1) + " : " + stringExpr(depth + 1) + ")");
            }
            if (awaitsInOperands && scope.awaits()) {
                options.add(() -> "await(p.as(\"" + scope.tag() + "\", " + stringExpr(depth + 1) + "))");
            }
        }
        return options.get(random.nextInt(options.size())).get();
    }

    /** A switch expression with arrow labels and expression arms, as an operand. */
    private String inlineSwitch(int depth) {
        boolean inner = scope.awaits();
        scope.allowAwaits(inner && features.contains(Feature.AWAIT_IN_SWITCH));
        try {
            return "switch (" + intExpr(depth + 1) + " & 3) { case 0 -> " + intExpr(depth + 1) + "; case "
                    + (1 + random.nextInt(3)) + " -> " + intExpr(depth + 1) + "; default -> " + intExpr(depth + 1) + "; }";
        } finally {
            scope.allowAwaits(inner);
        }
    }

    private String boolAtom(int depth) {
        String expr = boolExpr(depth);
        return expr.matches("[A-Za-z0-9_]+") ? expr : "(" + expr + ")";
    }

    String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
