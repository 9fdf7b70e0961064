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
        return inUse.stream().anyMatch(t -> !t.type.isPrimitive());
    }

    /** Ends the statement that used the current temps: clears the references and frees them. */
    void release() {
        for (Temp temp : inUse) {
            if (!temp.type.isPrimitive()) {
                context.states.emit("$L = null;\n", temp.name);
            }
            free.computeIfAbsent(temp.type, t -> new ArrayDeque<>()).push(temp);
        }
        inUse.clear();
    }
}
