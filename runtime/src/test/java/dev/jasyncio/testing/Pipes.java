package dev.jasyncio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Pipe;

/** Non-blocking pipes: the simplest channels a loop can watch, without any network. */
public final class Pipes {

    private Pipes() {}

    /** A new pipe whose two ends are non-blocking. */
    public static Pipe nonBlocking() {
        try {
            Pipe pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipe.sink().configureBlocking(false);
            return pipe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
