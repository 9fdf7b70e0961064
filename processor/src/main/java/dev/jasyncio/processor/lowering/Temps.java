package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.TypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields that hold operands evaluated before an await (so evaluation order is kept) until the
 * statement that uses them ends. A temp is reused by later statements of the same type, and a
 * reference temp is cleared when its statement ends so a suspended machine retains nothing dead.
 */
final class Temps {
    private record Temp(String name, TypeName type) {}

    private final LoweringContext context;
    private final Map<TypeName, Deque<Temp>> free = new HashMap<>();
    private final List<Temp> inUse = new ArrayList<>();
    /** Temps below this index belong to a statement around the one being lowered. */
    private int floor;

    Temps(LoweringContext context) {
        this.context = context;
    }

    String acquire(TypeName type) {
        Deque<Temp> pool = free.get(type);
        Temp temp = pool == null || pool.isEmpty() ? new Temp(context.addField("operand", type), type) : pool.pop();
        inUse.add(temp);
        return temp.name;
    }

    boolean holdsReferences() {
        return inUse.subList(floor, inUse.size()).stream().anyMatch(t -> !t.type.isPrimitive());
    }

    /** Ends the statement that used the current temps: clears the references and frees them. */
    void release() {
        List<Temp> ended = inUse.subList(floor, inUse.size());
        for (Temp temp : ended) {
            if (!temp.type.isPrimitive()) {
                context.states.emit("$L = null;\n", temp.name);
            }
            free.computeIfAbsent(temp.type, t -> new ArrayDeque<>()).push(temp);
        }
        ended.clear();
    }

    /** Frees a temp that the code clears itself on every path that leaves its use. */
    void releaseCleared(String name) {
        for (int i = inUse.size() - 1; i >= 0; i--) {
            Temp temp = inUse.get(i);
            if (temp.name.equals(name)) {
                inUse.remove(i);
                free.computeIfAbsent(temp.type, t -> new ArrayDeque<>()).push(temp);
                return;
            }
        }
    }

    /**
     * Starts the statements nested in an expression (the blocks of a switch expression): their
     * ends must not release the temps of the statement around them. Returns what to give back to
     * {@link #leaveNested}.
     */
    int enterNested() {
        int outer = floor;
        floor = inUse.size();
        return outer;
    }

    void leaveNested(int outer) {
        floor = outer;
    }
}
