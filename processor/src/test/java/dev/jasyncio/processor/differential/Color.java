package dev.jasyncio.processor.differential;

/** An enum for the {@code switch} forms of differential blueprints. */
public enum Color {
    RED,
    GREEN,
    BLUE
}
