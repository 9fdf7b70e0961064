package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.gatherReturnExceptions;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.queues.Queue;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's producer/consumer example: two producers put four items each into a queue of capacity
 * two, three consumers take them, and the main coroutine joins the queue before it cancels the
 * consumers. Each step writes a line to {@code out}.
 */
final class ProducerConsumer {

    static final int CAPACITY = 2;

    private ProducerConsumer() {}

    @Async
    static Coroutine<Void> producer(Queue<String> queue, String name, int count, Report report) {
        for (int i = 0; i < count; i++) {
            String item = name + i;
            await(queue.put(item));
            report.out.add(name + " put " + item);
            report.largestSize = Math.max(report.largestSize, queue.size());
            await(sleep(0));
        }
        return done(null);
    }

    @Async
    static Coroutine<Void> consumer(Queue<String> queue, String name, Report report) {
        while (true) {
            String item = await(queue.get());
            report.out.add(name + " got " + item);
            await(sleep(0));
            await(sleep(0));
            queue.taskDone();
        }
    }

    @Async
    static Coroutine<Report> main() {
        Report report = new Report();
        Queue<String> queue = new Queue<>(CAPACITY);
        List<Task<Void>> consumers = new ArrayList<>();
        for (String name : List.of("c1", "c2", "c3")) {
            consumers.add(createTask(consumer(queue, name, report)));
        }
        Task<Void> a = createTask(producer(queue, "a", 4, report));
        Task<Void> b = createTask(producer(queue, "b", 4, report));
        await(gather(a, b));
        report.out.add("producers done");
        await(queue.join());
        report.out.add("all done");
        for (Task<Void> consumer : consumers) {
            consumer.cancel();
        }
        await(gatherReturnExceptions(consumers));
        report.consumersCancelled = consumers.stream().allMatch(Task::isCancelled);
        return done(report);
    }

    /** What the run printed, and what it saw of the queue. */
    static final class Report {
        final List<String> out = new ArrayList<>();
        int largestSize;
        boolean consumersCancelled;
    }
}
