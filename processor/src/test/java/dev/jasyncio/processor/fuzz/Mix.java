package dev.jasyncio.processor.fuzz;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How often the {@link ProgramGenerator} picks each kind of statement, and where it puts awaits.
 *
 * @param name what {@code -Djasyncio.fuzz.mix} calls it
 * @param simple weight of an assignment, log call or (in {@link #FUZZ}) await statement
 * @param declarations weight of a local variable declaration
 * @param exits weight of a jump, return or throw under an {@code if}
 * @param compounds weight of each compound statement, by the feature that allows it
 * @param awaitsAnywhere whether awaits may appear in any operand (the fuzzer's way), or only as
 *     the project's own {@code @Async} methods use them: a whole statement, an assignment's or
 *     declaration's value, a call's argument or a resource of a {@code try}
 * @param awaitPercent when not {@code awaitsAnywhere}: the chance that a plain statement awaits
 * @param sizePercent the method's statement budget, in percent of the fuzzer's
 */
record Mix(String name, int simple, int declarations, int exits, Map<Feature, Integer> compounds, boolean awaitsAnywhere,
        int awaitPercent, int sizePercent) {

    /** Every compound statement often, awaits in every position: what finds the processor's bugs. */
    static final Mix FUZZ = new Mix("fuzz", 4, 1, 1, weights(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2), true, 0, 100);

    /**
     * Like the {@code @Async} methods of {@code integration-tests}, {@code examples} and
     * {@code benchmarks} (78 methods, counted on their syntax trees; a plain statement is an
     * expression statement, a declaration or a return): per plain statement 0.29 awaits, almost
     * all a whole statement or a value and none nested in another operand, 0.10 loops (for and
     * for-each four times as often as while), 0.026 {@code try} (most with resources), 0.021
     * {@code if}, no {@code switch} and no pattern. The methods are as long as {@link #FUZZ}'s (about 44 lines
     * with their class), not as short as the project's (9 lines): see CONTRIBUTING.md, "Processor
     * speed".
     */
    static final Mix PROJECT = new Mix("project", 56, 14, 1, weights(2, 6, 2, 0, 6, 1, 2, 0, 0, 0, 0), false, 60, 185);

    /** The mix of that {@link #name}. */
    static Mix named(String name) {
        return Stream.of(FUZZ, PROJECT).filter(mix -> mix.name().equals(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mix named '" + name + "': fuzz or project"));
    }

    private static Map<Feature, Integer> weights(int ifs, int fors, int whiles, int doWhiles, int forEach, int tries,
            int tryWithResources, int switches, int switchExpressions, int instanceofPatterns, int patternSwitches) {
        Map<Feature, Integer> weights = new EnumMap<>(Feature.class);
        weights.put(Feature.IF, ifs);
        weights.put(Feature.FOR, fors);
        weights.put(Feature.WHILE, whiles);
        weights.put(Feature.DO_WHILE, doWhiles);
        weights.put(Feature.FOR_EACH, forEach);
        weights.put(Feature.TRY, tries);
        weights.put(Feature.TRY_WITH_RESOURCES, tryWithResources);
        weights.put(Feature.SWITCH, switches);
        weights.put(Feature.SWITCH_EXPRESSION, switchExpressions);
        weights.put(Feature.INSTANCEOF_PATTERNS, instanceofPatterns);
        weights.put(Feature.PATTERN_SWITCH, patternSwitches);
        return weights;
    }
}
