package dev.jasyncio.processor.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated program as a tree of statements, kept so that the shrinker can delete statements and
 * unwrap branches; printed, it is a Java compilation unit.
 */
final class Tree {

    private Tree() {}

    /** A statement: text interleaved with nested blocks, such as {@code "if (c) ", block, " else ", block}. */
    record Stmt(List<Object> parts) {
        static Stmt line(String text) {
            return new Stmt(List.of(text));
        }

        List<Block> blocks() {
            List<Block> blocks = new ArrayList<>();
            for (Object part : parts) {
                if (part instanceof Block block) {
                    blocks.add(block);
                }
            }
            return blocks;
        }

        /** This statement with its {@code index}-th block replaced. */
        Stmt withBlock(int index, Block replacement) {
            List<Object> copy = new ArrayList<>(parts);
            int seen = 0;
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i) instanceof Block && seen++ == index) {
                    copy.set(i, replacement);
                }
            }
            return new Stmt(copy);
        }

        void print(StringBuilder out, String indent) {
            out.append(indent);
            for (Object part : parts) {
                if (part instanceof Block block) {
                    block.print(out, indent);
                } else {
                    out.append(((String) part).replace("\n", "\n" + indent));
                }
            }
            out.append('\n');
        }
    }

    /**
     * A list of statements: braced, or bare as the statements of a {@code case} group of a switch
     * with colon labels.
     */
    record Block(List<Stmt> stmts, boolean braced) {
        Block(List<Stmt> stmts) {
            this(stmts, true);
        }

        Block with(List<Stmt> replacement) {
            return new Block(replacement, braced);
        }

        void print(StringBuilder out, String indent) {
            out.append(braced ? "{\n" : "\n");
            for (Stmt stmt : stmts) {
                stmt.print(out, indent + (braced ? "    " : "        "));
            }
            out.append(indent);
            if (braced) {
                out.append('}');
            }
        }
    }

    /** A blueprint: its declaration line (annotations and signature) and its body. */
    record Method(String declaration, Block body) {}

    /**
     * A class {@code fuzz.<name>} of blueprints; {@code main(Probe)} is the entry. {@code types}
     * are the member types its blueprints use, as source text ({@code ""} for none).
     */
    record Program(String name, String types, List<Method> methods) {

        Program(String name, List<Method> methods) {
            this(name, "", methods);
        }

        String qualifiedName() {
            return "fuzz." + name;
        }

        Program renamed(String newName) {
            return new Program(newName, types, methods);
        }

        Program withMethod(int index, Method method) {
            List<Method> copy = new ArrayList<>(methods);
            copy.set(index, method);
            return new Program(name, types, copy);
        }

        String source() {
            StringBuilder out = new StringBuilder("""
                    package fuzz;

                    import static dev.jasyncio.Jasyncio.*;

                    import dev.jasyncio.annotations.Async;
                    import dev.jasyncio.processor.differential.Color;
                    import dev.jasyncio.processor.differential.Probe;
                    import dev.jasyncio.processor.differential.Resource;
                    import dev.jasyncio.tasks.Coroutine;
                    import java.util.Arrays;
                    import java.util.List;

                    """);
            out.append("final class ").append(name).append(" {\n");
            types.lines().forEach(line -> out.append(line.isEmpty() ? "\n" : "    " + line + "\n"));
            for (Method method : methods) {
                out.append('\n');
                out.append("    ").append(method.declaration().replace("\n", "\n    ")).append(' ');
                method.body().print(out, "    ");
                out.append('\n');
            }
            return out.append("}\n").toString();
        }

        /** The number of statements, nested ones included: the size the shrinker reduces. */
        int size() {
            return methods.stream().mapToInt(m -> count(m.body())).sum();
        }

        private static int count(Block block) {
            int n = 0;
            for (Stmt stmt : block.stmts()) {
                n++;
                for (Block inner : stmt.blocks()) {
                    n += count(inner);
                }
            }
            return n;
        }
    }
}
