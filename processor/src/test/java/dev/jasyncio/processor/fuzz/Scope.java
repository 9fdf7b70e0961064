package dev.jasyncio.processor.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What the generator knows at the point it writes a statement: the variables in scope, what
 * {@code break} and {@code continue} may target, whether awaits and returns may appear, and which
 * helper blueprints may be called (only later ones, so calls never recurse).
 */
final class Scope {

    /** What a variable holds; {@code SHAPE} is the sealed hierarchy of {@link Patterns#TYPES}. */
    enum Type { INT, BOOLEAN, STRING, SHAPE }

    private record Variable(String name, Type type, boolean assignable) {}

    /** Something a jump may target: a loop (possibly labeled) or a switch statement. */
    record Target(String label, boolean loop) {}

    private final Random random;
    private final List<Variable> variables = new ArrayList<>();
    private Deque<Target> targets = new ArrayDeque<>();
    private final String tagPrefix;
    private final List<String> helpers;
    private int counter;
    private boolean awaits = true;
    private boolean returns = true;

    Scope(Random random, String tagPrefix, List<String> helpers) {
        this.random = random;
        this.tagPrefix = tagPrefix;
        this.helpers = helpers;
    }

    /** A name or probe tag never used before in this method. */
    String tag() {
        return tagPrefix + counter++;
    }

    void declare(String name, Type type, boolean assignable) {
        variables.add(new Variable(name, type, assignable));
    }

    /** A variable of {@code type}, or one that may be assigned when {@code assignable}. */
    Optional<String> pick(Type type, boolean assignable) {
        List<String> candidates = variables.stream()
                .filter(v -> v.type() == type && (v.assignable() || !assignable))
                .map(Variable::name)
                .toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    int mark() {
        return variables.size();
    }

    /** The names declared since {@code mark}, such as a pattern's bindings. */
    List<String> bindingsSince(int mark) {
        return variables.subList(mark, variables.size()).stream().map(Variable::name).toList();
    }

    void release(int mark) {
        variables.subList(mark, variables.size()).clear();
    }

    boolean awaits() {
        return awaits;
    }

    void allowAwaits(boolean allowed) {
        awaits = allowed;
    }

    boolean returns() {
        return returns;
    }

    void allowReturns(boolean allowed) {
        returns = allowed;
    }

    Optional<String> helper() {
        return helpers.isEmpty() ? Optional.empty() : Optional.of(helpers.get(random.nextInt(helpers.size())));
    }

    void enter(Target target) {
        targets.push(target);
    }

    void leave() {
        targets.pop();
    }

    /** Replaces the jump targets, as a switch expression does (no jump leaves one); returns the old ones. */
    Deque<Target> replaceTargets(Deque<Target> replacement) {
        Deque<Target> old = targets;
        targets = replacement;
        return old;
    }

    /** A jump statement that is legal here, or empty if none is. */
    Optional<String> jump(boolean labeledJumps) {
        List<String> jumps = new ArrayList<>();
        Target innermost = targets.peek();
        if (innermost != null) {
            jumps.add("break;");
        }
        boolean innermostLoop = true;
        for (Target target : targets) {
            if (target.loop() && innermostLoop) {
                jumps.add("continue;");
                innermostLoop = false;
            }
            if (labeledJumps && target.label() != null) {
                jumps.add("break " + target.label() + ";");
                if (target.loop()) {
                    jumps.add("continue " + target.label() + ";");
                }
            }
        }
        return jumps.isEmpty() ? Optional.empty() : Optional.of(jumps.get(random.nextInt(jumps.size())));
    }
}
