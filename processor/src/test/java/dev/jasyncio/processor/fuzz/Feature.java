package dev.jasyncio.processor.fuzz;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The constructs the program generator may use. The default set is what the processor lowers
 * today; {@code -Djasyncio.fuzz.features=...} picks another (see {@link #parse}).
 */
enum Feature {
    IF,
    WHILE,
    DO_WHILE,
    FOR,
    FOR_EACH,
    LABELED_JUMPS,
    CONDITIONAL,
    HELPER_BLUEPRINTS,
    AWAITED_FAILURES,
    TRY,
    TRY_WITH_RESOURCES,
    SWITCH,
    SWITCH_EXPRESSION,
    /** Await inside {@code try}, {@code catch}, {@code finally} and resource initializers. */
    AWAIT_IN_TRY,
    /** Await in a switch's selector, its case bodies and its {@code yield} values. */
    AWAIT_IN_SWITCH;

    /** Everything the processor lowers. */
    static Set<Feature> defaults() {
        return EnumSet.allOf(Feature.class);
    }

    /**
     * {@code "default"}, {@code "all"}, or a comma-separated list of names, each optionally
     * prefixed with {@code +} or {@code -} to add to or remove from the default set
     * ({@code "+AWAIT_IN_TRY,+AWAIT_IN_SWITCH"}).
     */
    static Set<Feature> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equals("default")) {
            return defaults();
        }
        if (trimmed.equals("all")) {
            return EnumSet.allOf(Feature.class);
        }
        String[] names = trimmed.split(",");
        boolean relative = Arrays.stream(names).allMatch(n -> n.startsWith("+") || n.startsWith("-"));
        Set<Feature> features = relative ? defaults() : EnumSet.noneOf(Feature.class);
        for (String name : names) {
            String bare = name.replaceFirst("^[+-]", "").trim().toUpperCase(Locale.ROOT);
            if (name.startsWith("-")) {
                features.remove(valueOf(bare));
            } else {
                features.add(valueOf(bare));
            }
        }
        return features;
    }

    static String describe(Set<Feature> features) {
        return features.stream().map(Feature::name).collect(Collectors.joining(","));
    }
}
