package dev.jasyncio.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a coroutine blueprint: a method that returns {@code Coroutine<T>} and may call
 * {@code await(...)} wherever an expression may stand.
 *
 * <p>The jasyncio processor compiles each blueprint into a state machine and generates a companion
 * class {@code <Class>Async} (nested classes: {@code <Outer>_<Inner>Async}) with one static method
 * per blueprint; instance blueprints take the receiver as the first parameter. Calling the companion
 * method creates the coroutine without running it.
 *
 * <p>Retention is {@code CLASS} so that the processor of a project that depends on a library still
 * sees which of the library's methods are blueprints, and rewrites calls to them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
