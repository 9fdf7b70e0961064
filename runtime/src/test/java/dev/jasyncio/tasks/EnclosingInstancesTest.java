package dev.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/** The getter of an inner object's enclosing instance, as generated machines use it. */
class EnclosingInstancesTest {
    int count;

    /** Uses its enclosing instance, so javac keeps the field that holds it on every release. */
    final class Counter {
        int next() {
            return ++count;
        }

        /** Two levels: its code reads both enclosing instances. */
        final class Step {
            int both() {
                return Counter.this.next() + count;
            }
        }
    }

    /** No enclosing instance to read. */
    static final class Detached {}

    @Test
    void theGetterReturnsTheInnerObjectsOwnEnclosingInstance() throws Throwable {
        EnclosingInstancesTest outer = new EnclosingInstancesTest();
        Counter counter = outer.new Counter();
        MethodHandle getter = EnclosingInstances.getter(MethodHandles.lookup(), Counter.class, EnclosingInstancesTest.class);

        assertEquals(MethodType.methodType(EnclosingInstancesTest.class, Counter.class), getter.type());
        assertSame(outer, (EnclosingInstancesTest) getter.invokeExact(counter));
        assertSame(this, (EnclosingInstancesTest) getter.invokeExact(new Counter()));
    }

    @Test
    void gettersChainThroughTwoLevels() throws Throwable {
        Counter counter = new Counter();
        Counter.Step step = counter.new Step();
        MethodHandle stepOuter = EnclosingInstances.getter(MethodHandles.lookup(), Counter.Step.class, Counter.class);
        MethodHandle counterOuter = EnclosingInstances.getter(MethodHandles.lookup(), Counter.class, EnclosingInstancesTest.class);

        assertSame(this, (EnclosingInstancesTest) counterOuter.invokeExact((Counter) stepOuter.invokeExact(step)));
        assertEquals(2, step.both());
    }

    @Test
    void aClassWithoutTheFieldGetsAGetterThatThrowsNamingTheClass() {
        MethodHandle getter = EnclosingInstances.getter(MethodHandles.lookup(), Detached.class, EnclosingInstancesTest.class);

        assertEquals(MethodType.methodType(EnclosingInstancesTest.class, Detached.class), getter.type());
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> {
                    EnclosingInstancesTest unused = (EnclosingInstancesTest) getter.invokeExact(new Detached());
                });
        assertEquals("jasyncio: cannot read the enclosing dev.jasyncio.tasks.EnclosingInstancesTest instance of"
                + " dev.jasyncio.tasks.EnclosingInstancesTest$Detached: the class has no synthetic field of type"
                + " dev.jasyncio.tasks.EnclosingInstancesTest, where javac keeps the enclosing instance of an inner"
                + " class whose code uses it; compile dev.jasyncio.tasks.EnclosingInstancesTest$Detached with javac",
                thrown.getMessage());
    }
}
