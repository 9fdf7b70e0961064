package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The states of a machine under construction. Code is appended to the current state; a jump ends
 * it, and code that follows a jump is unreachable until another state is entered.
 */
final class States {
    /** One resume point of the machine: a case of the generated switch. */
    static final class State {
        final int id;
        final String comment;
        final CodeBlock.Builder code = CodeBlock.builder();
        /** The innermost lowered try statement whose handlers catch what this state throws; null outside all. */
        final Region region;
        boolean targeted;

        State(int id, String comment, Region region, long line) {
            this.id = id;
            this.comment = comment;
            this.region = region;
            code.add(LineMarks.at(line));
        }
    }

    private final List<State> states = new ArrayList<>();
    private final String resumeLabel;
    private State current;
    private Region region;

    /** The blueprint line of the statement being lowered: where new states and their first code come from. */
    private long line;

    States(String resumeLabel, String entryComment, long entryLine) {
        this.resumeLabel = resumeLabel;
        this.line = entryLine;
        current = add(entryComment);
        current.targeted = true;
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
            current.code.add(statement);
        }
    }

    void emit(String format, Object... args) {
        emit(CodeBlock.of(format, args));
    }

    /** The statements that continue at another state: usable inside any nested Java statement. */
    CodeBlock jumpCode(State target) {
        target.targeted = true;
        // one literal instead of a format: JavaPoet formats each piece on its own, and jumps are the commonest code
        return CodeBlock.of("$L", "label = " + target.id + ";\ncontinue " + resumeLabel + ";\n");
    }

    void jump(State target) {
        emit(jumpCode(target));
        current = null;
    }

    /** Re-dispatches to a state whose number the code already stored in {@code label}. */
    void continueAt(State target) {
        target.targeted = true;
        emit("$L", "continue " + resumeLabel + ";\n");
        current = null;
    }

    /** The current state ends with a return or throw. */
    void terminate() {
        current = null;
    }

    /** Continues in the given state; a state that no jump reaches stays unreachable. */
    void enter(State state) {
        current = state.targeted ? state : null;
    }

    String resumeLabel() {
        return resumeLabel;
    }

    List<State> reachableStates() {
        return states.stream().filter(s -> s.targeted).toList();
    }
}
