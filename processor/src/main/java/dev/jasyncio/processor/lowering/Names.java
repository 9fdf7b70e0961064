package dev.jasyncio.processor.lowering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Names in the generated machine. User names are kept where they are unambiguous, so the machine
 * reads like the blueprint; generated names never collide with a name the blueprint declares or
 * with the fields the machine inherits.
 */
final class Names {
    private final Set<String> taken = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();

    Names(Set<String> declaredInBlueprint) {
        taken.addAll(declaredInBlueprint);
        taken.add("label");
        taken.add("SUSPENDED");
    }

    /** A name derived from {@code base} that nothing else in the machine uses. */
    String fresh(String base) {
        if (taken.add(base)) {
            return base;
        }
        int n = counters.getOrDefault(base, 1);
        String candidate;
        do {
            n++;
            candidate = base + n;
        } while (!taken.add(candidate));
        counters.put(base, n);
        return candidate;
    }

    /** The name of a blueprint local: its own, unless another variable of the blueprint shares it. */
    String forLocal(String userName, boolean uniqueInBlueprint) {
        boolean reserved = userName.equals("label") || userName.equals("SUSPENDED");
        return uniqueInBlueprint && !reserved ? userName : fresh(userName);
    }
}
