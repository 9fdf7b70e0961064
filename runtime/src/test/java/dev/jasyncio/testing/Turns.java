package dev.jasyncio.testing;

import dev.jasyncio.loop.EventLoop;

/** Runs an event loop for an exact number of turns, to observe what each turn does. */
public final class Turns {

    private Turns() {}

    public static void run(EventLoop loop, int turns) {
        for (int i = 0; i < turns; i++) {
            loop.stop();
            loop.runForever();
        }
    }
}
