package dev.jasyncio.sync;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.RunUntil;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BarrierTest {

    private final EventLoop loop = new EventLoop();
    private final Barrier barrier = new Barrier(loop, 3);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A task that arrives at the barrier and logs its index, or the barrier's failure. */
    private Task<Void> party(String name) {
        return loop.createTask(Steps.of(m -> awaiting(barrier.arriveAndWait()), m -> {
            try {
                log.add(name + " passed as " + m.resume());
            } catch (BrokenBarrierException e) {
                log.add(name + ": " + e.getMessage());
            }
            return null;
        }));
    }

    @Test
    void nobodyPassesUntilAllPartiesArriveAndIndicesFollowArrivalOrder() {
        party("a");
        party("b");
        Turns.run(loop, 2);
        assertEquals(List.of(), log);
        assertEquals(2, barrier.waiting());
        Task<Void> last = party("c");
        RunUntil.done(loop, last);
        Turns.run(loop, 1);
        assertEquals(List.of("c passed as 2", "a passed as 0", "b passed as 1"), log);
        assertEquals(0, barrier.waiting());
    }

    @Test
    void theBarrierServesRoundAfterRound() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            party(name);
        }
        Turns.run(loop, 3);
        assertEquals(List.of("c passed as 2", "a passed as 0", "b passed as 1"), log);
        assertEquals(2, barrier.waiting());
        party("f");
        Turns.run(loop, 3);
        assertEquals(List.of("c passed as 2", "a passed as 0", "b passed as 1",
                "f passed as 2", "d passed as 0", "e passed as 1"), log);
    }

    @Test
    void aPartyCancelledWhileWaitingLeavesAndTheRoundNeedsAnotherArrival() {
        Task<Void> cancelled = party("a");
        party("b");
        Turns.run(loop, 1);
        cancelled.cancel();
        Turns.run(loop, 1);
        assertEquals(1, barrier.waiting());
        party("c");
        Turns.run(loop, 1);
        assertEquals(List.of(), log);
        party("d");
        Turns.run(loop, 3);
        assertEquals(List.of("d passed as 2", "b passed as 0", "c passed as 1"), log);
    }

    @Test
    void abortBreaksTheBarrierForWaitersAndLaterArrivalsUntilReset() {
        party("a");
        Turns.run(loop, 1);
        barrier.abort();
        assertTrue(barrier.isBroken());
        party("b");
        Turns.run(loop, 2);
        assertEquals(List.of("a: the Barrier was aborted", "b: the Barrier is broken; reset() it to use it again"), log);
        barrier.reset();
        assertFalse(barrier.isBroken());
        party("c");
        party("d");
        party("e");
        Turns.run(loop, 2);
        assertEquals(List.of("a: the Barrier was aborted", "b: the Barrier is broken; reset() it to use it again",
                "e passed as 2", "c passed as 0", "d passed as 1"), log);
    }

    @Test
    void resetFailsTheWaitingPartiesAndStartsANewRound() {
        party("a");
        party("b");
        Turns.run(loop, 1);
        barrier.reset();
        Turns.run(loop, 1);
        assertEquals(List.of("a: the Barrier was reset while the task waited",
                "b: the Barrier was reset while the task waited"), log);
        assertEquals(0, barrier.waiting());
        assertEquals("Barrier[0/3 waiting]", barrier.toString());
    }

    @Test
    void aBarrierOfOnePartyNeverWaits() {
        Barrier alone = new Barrier(loop, 1);
        Task<Integer> task = loop.createTask(Steps.of(m -> awaiting(alone.arriveAndWait()), m -> m.resume()));
        Turns.run(loop, 1);
        assertEquals(0, task.result());
    }

    @Test
    void aBarrierNeedsAParty() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Barrier(loop, 0));
        assertEquals("a Barrier needs at least 1 party, not 0", thrown.getMessage());
    }
}
