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
    AWAIT_IN_SWITCH,
    /**
     * {@code instanceof} with type and record patterns (nested ones too) over a small sealed
     * hierarchy, in {@code if} conditions and {@code &&} chains, and negated,
     * {@code if (!(x instanceof T t)) exit;}, with the binding used after it; Java 21.
     */
    INSTANCEOF_PATTERNS(21),
    /**
     * Switch statements and expressions with type and record patterns over the sealed hierarchy
     * or {@code Object}, guards (without await), {@code case null} and {@code default}, bindings
     * used in the case bodies around their awaits; Java 21.
     */
    PATTERN_SWITCH(21);

    private final int release;

    Feature() {
        this(17);
    }

    Feature(int release) {
        this.release = release;
    }

    /**
     * Everything the processor lowers that the running JDK compiles: the Java 21 features only on
     * a JDK 21 or later, so a JDK 17 generates the programs it always did.
     */
    static Set<Feature> defaults() {
        return upTo(Runtime.version().feature());
    }

    /** Everything the processor lowers in sources of that Java release. */
    static Set<Feature> upTo(int release) {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (Feature feature : values()) {
            if (feature.release <= release) {
                features.add(feature);
            }
        }
        return features;
    }

    /** The Java release that programs with these features are compiled for ({@code --release}). */
    static int release(Set<Feature> features) {
        return features.stream().mapToInt(f -> f.release).max().orElse(17);
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
