package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.run;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Blueprints of inner (non-static) classes that use their enclosing instance: the machine reads
 * the inner object's own {@code Outer.this}, at every use, so it sees what other coroutines did to
 * the outer object while it was suspended.
 */
class InnerClassBlueprintsTest {

    @Test
    void outerFieldsAndMethodsAreThoseOfTheInnerObjectsOwnEnclosingInstance() {
        assertThat(runForLog("Bank", source("Bank", """
                class Bank {
                    final String name;
                    int balance = 100;
                    final List<String> log = new ArrayList<>();

                    Bank(String name) {
                        this.name = name;
                    }

                    int fee() {
                        return 1;
                    }

                    static String describe(Bank bank) {
                        return bank.name + " holds " + bank.balance;
                    }

                    class Teller {
                        final String who;

                        Teller(String who) {
                            this.who = who;
                        }

                        @Async
                        Coroutine<Integer> work(int amount) {
                            log.add(who + " sees " + balance);
                            await(later(0));
                            balance -= amount;
                            Bank.this.balance += fee();
                            balance++;
                            int seen = await(later(balance));
                            Supplier<Integer> now = () -> balance;
                            log.add(who + " saw " + seen + ", now " + now.get() + " at " + Bank.this.name);
                            log.add(describe(Bank.this));
                            balance = balance * 2 - await(later(balance));
                            return done(balance);
                        }
                    }

                    @Async
                    static Coroutine<List<String>> main() {
                        Bank north = new Bank("north");
                        Bank south = new Bank("south");
                        Bank.Teller ann = north.new Teller("ann");
                        Bank.Teller bob = north.new Teller("bob");
                        Bank.Teller cid = south.new Teller("cid");
                        List<Integer> results = await(gather(ann.work(10), bob.work(20), cid.work(30)));
                        north.log.addAll(south.log);
                        north.log.add(results + " " + north.balance + " " + south.balance);
                        return done(north.log);
                    }

                    static Object run() {
                        return EventLoop.run(BankAsync.main());
                    }
                }
                """))).containsExactly(
                "ann sees 100", "bob sees 100",
                "ann saw 92, now 74 at north", "north holds 74",
                "bob saw 74, now 74 at north", "north holds 74",
                "cid sees 100",
                "cid saw 72, now 72 at south", "south holds 72",
                "[74, 74, 72] 74 72").inOrder();
    }

    @Test
    void aGenericEnclosingClassGivesItsTypeArgumentsItsSiblingInnerClassesAndItsBlueprints() {
        assertThat(run("Shelf", source("Shelf", """
                class Shelf<T> {
                    T first;
                    final List<T> items = new ArrayList<>();

                    Shelf(T first) {
                        this.first = first;
                    }

                    T first() {
                        return first;
                    }

                    class Slot {
                        final T held = first;
                    }

                    @Async
                    Coroutine<Integer> count(int extra) {
                        await(later(0));
                        return done(items.size() + extra);
                    }

                    class Reader {
                        @Async
                        Coroutine<String> read() {
                            Slot slot = new Slot();
                            T got = await(later(first()));
                            items.add(got);
                            first = null;
                            int awaitedArgument = await(count(await(later(10))));
                            int plainArgument = await(count(20));
                            for (Shelf<T>.Slot each : List.of(slot)) {
                                items.add(each.held);
                            }
                            Shelf<T>.Slot empty = Shelf.this.new Slot();
                            return done(slot.held + " " + got + " " + awaitedArgument + " " + plainArgument + " "
                                    + empty.held + " " + items);
                        }
                    }

                    static Object run() {
                        Shelf<String> shelf = new Shelf<>("apple");
                        return EventLoop.run(Shelf_ReaderAsync.read(shelf.new Reader()));
                    }
                }
                """))).isEqualTo("apple apple 11 21 null [apple, apple]");
    }

    @Test
    void twoLevelsOfNestingReachBothEnclosingInstancesOfGenericClasses() {
        assertThat(run("Tower", source("Tower", """
                class Tower<A> {
                    final A name;

                    Tower(A name) {
                        this.name = name;
                    }

                    class Floor<B> {
                        B level;

                        Floor(B level) {
                            this.level = level;
                        }

                        class Room {
                            final String label;

                            Room(String label) {
                                this.label = label;
                            }

                            @Async
                            Coroutine<String> describe(B next) {
                                B before = level;
                                await(later(0));
                                level = next;
                                return done(Tower.this.name + "/" + before + "/" + Floor.this.level + "/" + name + "/"
                                        + label + "/" + this.label);
                            }
                        }
                    }

                    static Object run() {
                        Tower<String> high = new Tower<>("high");
                        Tower<String> low = new Tower<>("low");
                        Tower<String>.Floor<Integer> top = high.new Floor<>(9);
                        Tower<String>.Floor<Integer> ground = low.new Floor<>(0);
                        Tower<String>.Floor<Integer>.Room attic = top.new Room("attic");
                        Tower<String>.Floor<Integer>.Room hall = ground.new Room("hall");
                        String first = EventLoop.run(Tower_Floor_RoomAsync.describe(attic, 10));
                        String second = EventLoop.run(Tower_Floor_RoomAsync.describe(hall, 1));
                        return first + " " + second + " " + top.level + " " + ground.level;
                    }
                }
                """))).isEqualTo("high/9/10/high/attic/attic low/0/1/low/hall/hall 10 1");
    }

    @Test
    void theMachineReadsTheEnclosingInstanceThroughJavacsFieldFoundOnce() throws Exception {
        JavaFileObject file = source("Counter", """
                class Counter {
                    int count;

                    class Step {
                        @Async
                        Coroutine<Integer> next() {
                            await(later(0));
                            return done(++count);
                        }
                    }
                }
                """);
        Compilation compilation = compileCleanly(file);
        String companion = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "demo", "Counter_StepAsync.java")
                .orElseThrow().getCharContent(true).toString();
        assertThat(companion).contains("private static final MethodHandle ENCLOSING_COUNTER ="
                + " EnclosingInstances.getter(MethodHandles.lookup(), Counter.Step.class, Counter.class);");
        assertThat(companion).contains("private Counter enclosingCounter() {");
        assertThat(companion).contains("return (Counter) ENCLOSING_COUNTER.invokeExact(self);");
        assertThat(companion).contains("++enclosingCounter().count");
    }
}
