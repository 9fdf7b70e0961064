package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The states covered by one part of a lowered {@code try} statement. An exception thrown in one of
 * them is tested against the region's catch clauses in order, then goes to the region's
 * {@code finally} if it has one, and otherwise to the enclosing region: exactly the search the JVM
 * makes through a method's exception table, done by the machine because its states are not
 * nested in Java {@code try} blocks.
 *
 * @param parent the region of the enclosing try statement, or null
 * @param handlers the catch clauses, in source order
 * @param finallyOnThrow the finally block that a thrown exception runs before it propagates, or null
 */
record Region(Region parent, List<Handler> handlers, FinallyScope finallyOnThrow) {

    /**
     * One catch clause.
     *
     * @param types the caught types (several for a multi-catch)
     * @param entry the state that starts the catch block with the exception in the machine's caught field
     */
    record Handler(List<TypeName> types, States.State entry) {}
}
