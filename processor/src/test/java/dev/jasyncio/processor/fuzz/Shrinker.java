package dev.jasyncio.processor.fuzz;

import dev.jasyncio.processor.fuzz.Tree.Block;
import dev.jasyncio.processor.fuzz.Tree.Method;
import dev.jasyncio.processor.fuzz.Tree.Program;
import dev.jasyncio.processor.fuzz.Tree.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reduces a failing program to a small one that still fails the same way: it deletes statements
 * and replaces compound statements by one of their blocks, greedily, largest pieces first, until
 * no single edit keeps the failure (or the attempts run out).
 */
final class Shrinker {

    private final Predicate<Program> stillFails;
    private final int maxAttempts;
    private int attempts;

    Shrinker(Predicate<Program> stillFails, int maxAttempts) {
        this.stillFails = stillFails;
        this.maxAttempts = maxAttempts;
    }

    Program shrink(Program failing) {
        Program current = failing;
        boolean progress = true;
        while (progress && attempts < maxAttempts) {
            progress = false;
            for (Program candidate : candidates(current)) {
                if (attempts++ >= maxAttempts) {
                    break;
                }
                if (stillFails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    int attempts() {
        return attempts;
    }

    private static List<Program> candidates(Program program) {
        List<Program> candidates = new ArrayList<>();
        for (int m = 0; m < program.methods().size(); m++) {
            Method method = program.methods().get(m);
            for (Block body : variants(method.body())) {
                candidates.add(program.withMethod(m, new Method(method.declaration(), body)));
            }
        }
        return candidates;
    }

    /** Every block one edit away from {@code block}: edits at this level first, then nested ones. */
    private static List<Block> variants(Block block) {
        List<Block> variants = new ArrayList<>();
        List<Stmt> stmts = block.stmts();
        for (int i = 0; i < stmts.size(); i++) {
            List<Stmt> without = new ArrayList<>(stmts);
            without.remove(i);
            variants.add(block.with(without));
            for (Block inner : stmts.get(i).blocks()) {
                List<Stmt> inlined = new ArrayList<>(stmts.subList(0, i));
                inlined.addAll(inner.stmts());
                inlined.addAll(stmts.subList(i + 1, stmts.size()));
                variants.add(block.with(inlined));
            }
        }
        for (int i = 0; i < stmts.size(); i++) {
            Stmt stmt = stmts.get(i);
            List<Block> inners = stmt.blocks();
            for (int k = 0; k < inners.size(); k++) {
                for (Block variant : variants(inners.get(k))) {
                    List<Stmt> replaced = new ArrayList<>(stmts);
                    replaced.set(i, stmt.withBlock(k, variant));
                    variants.add(block.with(replaced));
                }
            }
        }
        return variants;
    }
}
