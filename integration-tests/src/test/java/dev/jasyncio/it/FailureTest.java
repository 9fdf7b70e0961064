package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An unchecked exception thrown inside a nested blueprint reaches EventLoop.run's caller unchanged. */
class FailureTest {

    @Test
    void sumsWhenEveryNumberParses() {
        assertEquals(6, EventLoop.run(NumbersAsync.sum(List.of("1", "2", "3"))));
    }

    @Test
    void parserExceptionPropagatesThroughTheAwaits() {
        NumberFormatException thrown = assertThrows(NumberFormatException.class,
                () -> EventLoop.run(NumbersAsync.sum(List.of("1", "two", "3"))));

        assertEquals("For input string: \"two\"", thrown.getMessage());
    }
}
