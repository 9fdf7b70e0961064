package dev.jasyncio.processor.fuzz;

import dev.jasyncio.processor.fuzz.Tree.Block;
import dev.jasyncio.processor.fuzz.Tree.Program;
import dev.jasyncio.processor.fuzz.Tree.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a generated program's strings can grow, read from its printed statements, and the
 * limit the generator keeps them to. A string operand holds at most one string variable's value
 * and a bounded rest, so an assignment {@code s = ...}, a declaration, or {@code s += ...} that
 * reads no string variable add at most a constant to the longest string's length, while
 * {@code s += ...} that reads one can double it. How many of those a call of a method can execute
 * (each counted as often as its enclosing loops can repeat it) bounds the growth: a string can be
 * at most about {@code 2^doublings} times as long as the longest it could be without them.
 */
final class StringGrowth {

    private static final Pattern STRING_VARIABLE = Pattern.compile("^(?:String|for \\(String) (\\w+) [=:] ");
    private static final Pattern APPENDING = Pattern.compile("^(\\w+) \\+= (.*)");
    private static final Pattern NAME = Pattern.compile("\\b[A-Za-z_]\\w*\\b");
    private static final Pattern FOR_EACH = Pattern.compile("^for \\((?:int|String) \\w+ : (arr\\))?");
    private static final Pattern BOUND = Pattern.compile("^(?:for \\(int \\w+ = 0; \\w+ < (?:await\\(p\\.a\\(\"\\w+\", )?"
            + "|while \\(\\w+\\+\\+ < | while \\(\\+\\+\\w+ < )(\\d+)");

    private StringGrowth() {}

    /** An append that can double a string, and how often one call of its method can execute it. */
    private record Doubling(Stmt append, int repeats) {}

    /** The most doublings that one call of any of the program's methods can execute. */
    static int doublings(Program program) {
        return program.methods().stream().mapToInt(m -> doublings(m.body())).max().orElse(0);
    }

    static int doublings(Block body) {
        return doublingsIn(body).stream().mapToInt(Doubling::repeats).sum();
    }

    /**
     * {@code body} with as few appends as may be turned into plain assignments ({@code s = ...}),
     * the most repeated first, so that it executes at most {@code limit} doublings: a text change
     * that leaves every other statement as it was.
     */
    static Block limited(Block body, int limit) {
        List<Doubling> doublings = doublingsIn(body);
        doublings.sort(Comparator.comparingInt(Doubling::repeats).reversed());
        int total = doublings.stream().mapToInt(Doubling::repeats).sum();
        Set<Stmt> assigning = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; total > limit; i++) {
            assigning.add(doublings.get(i).append());
            total -= doublings.get(i).repeats();
        }
        return assigning.isEmpty() ? body : replaced(body, assigning);
    }

    private static Block replaced(Block block, Set<Stmt> assigning) {
        List<Stmt> stmts = new ArrayList<>();
        for (Stmt stmt : block.stmts()) {
            if (assigning.contains(stmt)) {
                stmts.add(Stmt.line(((String) stmt.parts().get(0)).replaceFirst(" \\+= ", " = ")));
                continue;
            }
            Stmt copy = stmt;
            List<Block> nested = stmt.blocks();
            for (int k = 0; k < nested.size(); k++) {
                copy = copy.withBlock(k, replaced(nested.get(k), assigning));
            }
            stmts.add(copy);
        }
        return block.with(stmts);
    }

    private static List<Doubling> doublingsIn(Block body) {
        List<Doubling> doublings = new ArrayList<>();
        collect(body, 1, new HashSet<>(Set.of("s")), doublings);
        return doublings;
    }

    private static void collect(Block block, int repeats, Set<String> strings, List<Doubling> doublings) {
        for (Stmt stmt : block.stmts()) {
            String head = lastLine((String) stmt.parts().get(0));
            Matcher variable = STRING_VARIABLE.matcher(head);
            if (variable.find()) {
                strings.add(variable.group(1));
            }
            Matcher appending = APPENDING.matcher(head);
            if (appending.find() && strings.contains(appending.group(1)) && readsAny(appending.group(2), strings)) {
                doublings.add(new Doubling(stmt, repeats));
            }
            int inner = repeats * turns(head, stmt.parts());
            for (Block nested : stmt.blocks()) {
                collect(nested, inner, strings, doublings);
            }
        }
    }

    /**
     * How often a loop can run its body: four elements of {@code arr}, two of any other array or
     * list the generator iterates, and a counted loop its bound; a statement that is no loop, once.
     */
    private static int turns(String head, List<Object> parts) {
        Matcher forEach = FOR_EACH.matcher(head);
        if (forEach.find()) {
            return forEach.group(1) != null ? 4 : 2;
        }
        String counted = head.equals("do ") ? (String) parts.get(parts.size() - 1) : head;
        Matcher bound = BOUND.matcher(counted);
        return bound.find() ? Integer.parseInt(bound.group(1)) : 1;
    }

    private static boolean readsAny(String expression, Set<String> names) {
        Matcher name = NAME.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
        while (name.find()) {
            if (names.contains(name.group())) {
                return true;
            }
        }
        return false;
    }

    /** A labeled loop's or a declared counter's statement text puts the loop's head on its last line. */
    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }
}
