package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/**
 * Explicit type arguments of a call ({@code Steps.<Item>now(...)}) that name a member type of the
 * blueprint's class, which the companion, another class, must qualify.
 */
class ExplicitTypeArgumentsTest {

    @Test
    void aMemberTypeAsATypeArgumentIsQualifiedInCopiedAndInLoweredCalls() {
        assertThat(runForLog("Holder", source("Holder", """
                class Holder {
                    record Item(int n) {}

                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        Item first = await(Steps.<Item>later(new Item(1)));
                        List<Item> items = List.<Item>of(first, Steps.<Item>now(log, "second", new Item(2)));
                        Item third = Steps.<Item>now(log, "third", new Item(await(later(3))));
                        log.add(items + " " + third);
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(HolderAsync.main());
                    }
                }
                """))).containsExactly("second", "third", "[Item[n=1], Item[n=2]] Item[n=3]").inOrder();
    }
}
