package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    @Test
    void onlyTheLastCallOfEachBurstFires() {
        List<String> fired = EventLoop.run(DebouncerAsync.main(Duration.ofMillis(250), Duration.ofMillis(5),
                List.of(List.of("h", "he", "hel", "hell", "hello"), List.of("w", "wo"))));
        assertEquals(List.of("hello", "wo"), fired);
    }
}
