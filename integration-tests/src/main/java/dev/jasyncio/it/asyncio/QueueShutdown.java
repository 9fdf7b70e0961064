package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.queues.Queue;
import dev.jasyncio.queues.QueueShutdownException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio 3.13's way to stop consumers: the producer shuts the queue down after its last item, the
 * consumers take what is left and stop when {@code get} fails with {@link QueueShutdownException}.
 */
final class QueueShutdown {

    private QueueShutdown() {}

    @Async
    static Coroutine<Void> consumer(Queue<Integer> queue, String name, List<String> out) {
        while (true) {
            int item;
            try {
                item = await(queue.get());
            } catch (QueueShutdownException e) {
                out.add(name + " stops");
                return done(null);
            }
            out.add(name + " got " + item);
            await(sleep(0));
            queue.taskDone();
        }
    }

    @Async
    static Coroutine<List<String>> main(int items) {
        List<String> out = new ArrayList<>();
        Queue<Integer> queue = new Queue<>(2);
        Task<Void> first = createTask(consumer(queue, "c1", out));
        Task<Void> second = createTask(consumer(queue, "c2", out));
        for (int i = 0; i < items; i++) {
            await(queue.put(i));
        }
        queue.shutdown();
        out.add("shut down");
        await(gather(first, second));
        await(queue.join());
        out.add("joined");
        return done(out);
    }
}
