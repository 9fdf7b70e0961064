package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import org.junit.jupiter.api.Test;

/** {@code instanceof} pattern bindings that live across awaits keep the value they matched. */
class PatternLoweringTest {

    @Test
    void bindingsOfCopiedAndLoweredInstanceofTestsSurviveAwaits() {
        assertThat(runForLog("Bindings", source("Bindings", """
                class Bindings {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        for (Object value : List.<Object>of("text", 42, List.of("x"))) {
                            if (value instanceof String text) {
                                await(later(log, "string", 0));
                                log.add(text + " has " + text.length());
                            } else if (await(later(value)) instanceof Integer number && number > 40) {
                                await(later(log, "number", 0));
                                log.add("number " + (number + 1));
                            }
                            if (!(value instanceof List<?> list)) {
                                continue;
                            }
                            await(later(log, "list", 0));
                            log.add("list of " + list.size());
                        }
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(BindingsAsync.main());
                    }
                }
                """))).containsExactly("string", "text has 4", "number", "number 43", "list", "list of 1").inOrder();
    }
}
