package dev.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void aSuccessHoldsItsValue() {
        Outcome<String> success = Outcome.success("v");
        assertTrue(success.isSuccess());
        assertEquals("v", success.value());
        assertNull(success.exception());
        assertEquals("Outcome.success(v)", success.toString());
    }

    @Test
    void aFailureThrowsItsExceptionAsIsFromValue() {
        IOException failure = new IOException("io");
        Outcome<String> outcome = Outcome.failure(failure);
        assertFalse(outcome.isSuccess());
        assertSame(failure, outcome.exception());
        try {
            outcome.value();
            fail("value() returned normally");
        } catch (Exception thrown) {
            assertSame(failure, thrown);
        }
        assertEquals("Outcome.failure(java.io.IOException: io)", outcome.toString());
    }

    @Test
    void outcomesAreEqualByValueOrByException() {
        RuntimeException failure = new RuntimeException();
        assertEquals(Outcome.success(1), Outcome.success(1));
        assertEquals(Outcome.success(1).hashCode(), Outcome.success(1).hashCode());
        assertEquals(Outcome.success(null), Outcome.success(null));
        assertNotEquals(Outcome.success(1), Outcome.success(2));
        assertEquals(Outcome.failure(failure), Outcome.failure(failure));
        assertNotEquals(Outcome.failure(failure), Outcome.failure(new RuntimeException()));
        assertNotEquals(Outcome.success(null), Outcome.failure(failure));
        assertThrows(NullPointerException.class, () -> Outcome.failure(null));
    }

    @Test
    void theOutcomeOfACompletableFutureIsUnwrapped() {
        IllegalStateException failure = new IllegalStateException("cf");
        assertEquals(Outcome.success(3), Outcome.of(CompletableFuture.completedFuture(3)));
        assertSame(failure, Outcome.of(CompletableFuture.failedFuture(failure)).exception());
        assertSame(failure, Outcome.of(CompletableFuture.failedFuture(failure).thenApply(x -> x)).exception());
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        assertTrue(Outcome.of(cancelled).exception() instanceof CancelledException);
        assertThrows(InvalidStateException.class, () -> Outcome.of(new CompletableFuture<>()));
    }
}
