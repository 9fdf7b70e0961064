package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The states of a machine under construction. Code is appended to the current state; a jump ends
 * it, and code that follows a jump is unreachable until another state is entered.
 *
 * <p>A state that only one jump of another state's own code reaches (not a resume point, not a
 * label stored in a field, not a target of the exception handler) becomes no case of its own: its
 * code is written where that jump was ({@link #code}), under its comment. Each case costs javac a
 * case, a block and a jump, and the loop one more turn at run time. It must lie in the same region
 * as the state it joins, because the exception handler finds the region by the label, which stays
 * the joined state's.
 *
 * <p>The cases are written in an order that follows the jumps ending them ({@link #cases}): a case
 * whose last statement jumps to the case written after it stores the label and falls through into
 * it instead of continuing the loop, which saves javac a statement and the machine a turn of the
 * loop and a dispatch at run time.
 */
final class States {
    /** One point of the machine's control flow: a case of the generated switch, or code written at its only jump. */
    static final class State {
        final int id;
        final String comment;
        /** The innermost lowered try statement whose handlers catch what this state throws; null outside all. */
        final Region region;
        /** The blueprint line it starts at. */
        final long line;
        /** Code and {@link Jump}s, in order. */
        private final List<Object> parts = new ArrayList<>();
        private CodeBlock.Builder run = CodeBlock.builder();
        boolean targeted;
        /** Reached through {@code label} (a resume point, a stored label, a text jump): must be a case. */
        private boolean pinned;
        /** How many {@link Jump}s of states' own code reach it, and from which state the last one. */
        private int jumps;
        private State jumpedFrom;

        State(int id, String comment, Region region, long line) {
            this.id = id;
            this.comment = comment;
            this.region = region;
            this.line = line;
            add(LineMarks.at(line));
        }

        void add(CodeBlock code) {
            run.add(code);
        }

        /** Reached through {@code label}: a case of its own. */
        void pin() {
            targeted = true;
            pinned = true;
        }

        private void add(Jump jump) {
            if (!run.isEmpty()) {
                parts.add(run.build());
                run = CodeBlock.builder();
            }
            parts.add(jump);
            jump.target.targeted = true;
            jump.target.jumps++;
            jump.target.jumpedFrom = this;
        }

        /** Written where its only jump is rather than as a case. */
        boolean joined() {
            return !pinned && jumps == 1 && jumpedFrom.region == region;
        }
    }

    /**
     * A jump in a state's own code: its last statement ({@code condition} and {@code block} unset),
     * the body of an {@code if (condition)} at its top level, or a {@code block} of a Java statement
     * (a case of a dispatch), where the target's code, if written there, gets braces of its own so
     * that its locals stay its own. The mark restores the line of the code that follows when the
     * target's code is written there.
     */
    private record Jump(State target, CodeBlock condition, boolean block, CodeBlock mark, boolean labelStored) {
        /** The last statement of its state's code: control goes nowhere else after it. */
        boolean plain() {
            return condition == null && !block;
        }
    }

    private final List<State> states = new ArrayList<>();
    private final String resumeLabel;
    private State current;
    private Region region;

    /** The blueprint line of the statement being lowered: where new states and their first code come from. */
    private long line;
    /** The line of the last mark of the current state's code. */
    private long markedLine;

    States(String resumeLabel, String entryComment, long entryLine) {
        this.resumeLabel = resumeLabel;
        this.line = entryLine;
        current = add(entryComment);
        current.pin();
    }

    /** A new state in the current region. */
    State add(String comment) {
        return add(comment, region);
    }

    State add(String comment, Region in) {
        State state = new State(states.size(), comment, in, line);
        states.add(state);
        return state;
    }

    /**
     * Sets the region of the states added from now on, and returns the previous one. A state never
     * spans two regions: the exception handler of the machine finds the region by the label.
     */
    Region region(Region next) {
        Region previous = region;
        region = next;
        return previous;
    }

    Region region() {
        return region;
    }

    /**
     * A blueprint statement starts: the code that follows comes from its line ({@link LineMarks}),
     * line for line if it is {@code copied} as the user wrote it.
     */
    void statementAt(long statementLine, boolean copied) {
        line = statementLine;
        markedLine = statementLine;
        emit(copied ? LineMarks.copiedFrom(statementLine) : LineMarks.at(statementLine));
    }

    long line() {
        return line;
    }

    /** Back in the enclosing statement: states added from now on come from its line. */
    void line(long enclosingLine) {
        line = enclosingLine;
    }

    boolean reachable() {
        return current != null;
    }

    void emit(CodeBlock statement) {
        if (current != null) {
            current.add(statement);
        }
    }

    void emit(String format, Object... args) {
        emit(CodeBlock.of(format, args));
    }

    /** The statements that continue at another state: usable inside any nested Java statement. */
    CodeBlock jumpCode(State target) {
        target.pin();
        return jumpText(target);
    }

    private CodeBlock jumpText(State target) {
        // one literal instead of a format: JavaPoet formats each piece on its own, and jumps are the commonest code
        return CodeBlock.of("$L", "label = " + target.id + ";\ncontinue " + resumeLabel + ";\n");
    }

    void jump(State target) {
        if (current != null) {
            current.add(new Jump(target, null, false, null, false));
        } else {
            target.targeted = true;
        }
        current = null;
    }

    /** Continues at {@code target} if {@code condition} holds; the current state goes on otherwise. */
    void jumpWhen(Object condition, State target) {
        if (current != null) {
            current.add(new Jump(target, CodeBlock.of("$L", condition), false, LineMarks.at(markedLine), false));
        } else {
            target.targeted = true;
        }
    }

    /** Continues at {@code target} from inside a Java statement the current state goes on after, such as a case of a dispatch. */
    void jumpFromBlock(State target) {
        if (current != null) {
            current.add(new Jump(target, null, true, LineMarks.at(markedLine), false));
        } else {
            target.targeted = true;
        }
    }

    /** Re-dispatches to a state whose number the code already stored in {@code label}. */
    void continueAt(State target) {
        target.pin();
        if (current != null) {
            current.add(new Jump(target, null, false, null, true));
        }
        current = null;
    }

    /** The current state ends with a return or throw. */
    void terminate() {
        current = null;
    }

    /** Continues in the given state; a state that no jump reaches stays unreachable. */
    void enter(State state) {
        current = state.targeted ? state : null;
        markedLine = state.line;
    }

    String resumeLabel() {
        return resumeLabel;
    }

    /**
     * The states that are cases of the machine's switch, in the order they are written: each chain
     * of cases whose last jump goes to a case not written yet is written in a row, so that those
     * jumps fall through; chains start at the lowest state not written yet, the entry first.
     */
    List<State> cases() {
        Set<State> unwritten = new LinkedHashSet<>();
        for (State state : states) {
            if (state.targeted && !state.joined()) {
                unwritten.add(state);
            }
        }
        List<State> order = new ArrayList<>(unwritten.size());
        while (!unwritten.isEmpty()) {
            State next = unwritten.iterator().next();
            while (next != null && unwritten.remove(next)) {
                order.add(next);
                next = tailTarget(next);
            }
        }
        return order;
    }

    /** The case that the last statement of a case's code jumps to, if it ends with a plain jump. */
    private static State tailTarget(State state) {
        if (!state.run.isEmpty() || state.parts.isEmpty() || !(state.parts.get(state.parts.size() - 1) instanceof Jump jump)
                || !jump.plain()) {
            return null;
        }
        return jump.target.joined() ? tailTarget(jump.target) : jump.target;
    }

    /**
     * A case's code, with the code of the states joined to it written at their jumps; a last jump
     * to {@code next}, the case written after it (null for the last), falls through into it.
     */
    CodeBlock code(State state, State next) {
        CodeBlock.Builder code = CodeBlock.builder();
        write(state, code, next);
        return code.build();
    }

    /** Writes a state's code; {@code next} is the case that a jump ending it may fall through to, or null. */
    private void write(State state, CodeBlock.Builder code, State next) {
        boolean open = !state.run.isEmpty();
        for (int i = 0; i < state.parts.size(); i++) {
            Object part = state.parts.get(i);
            if (part instanceof Jump jump) {
                boolean last = !open && i == state.parts.size() - 1;
                write(jump, code, last ? next : null);
            } else {
                code.add((CodeBlock) part);
            }
        }
        code.add(state.run.build());
    }

    private void write(Jump jump, CodeBlock.Builder code, State next) {
        if (!jump.target.joined()) {
            CodeBlock text = jump.labelStored ? CodeBlock.of("$L", "continue " + resumeLabel + ";\n") : jumpText(jump.target);
            if (jump.plain() && jump.target == next) {
                if (!jump.labelStored) {
                    code.add("$L", "label = " + jump.target.id + ";\n");
                }
            } else if (jump.condition != null) {
                code.add("if ($L) {\n$>", jump.condition).add(text).add("$<}\n");
            } else {
                code.add(text);
            }
            return;
        }
        boolean braced = !jump.plain();
        if (jump.condition != null) {
            code.add("if ($L) {\n$>", jump.condition);
        } else if (jump.block) {
            code.add("{\n$>");
        }
        code.add("$L", "// " + jump.target.comment + "\n");
        write(jump.target, code, braced ? null : next);
        if (braced) {
            code.add("$<}\n").add(jump.mark);
        }
    }
}
