/**
 * Ways to wait for several operations or to bound one in time, built on the public API of tasks
 * and futures: {@link dev.jasyncio.combinators.WaitFor}, {@link dev.jasyncio.combinators.Wait},
 * {@link dev.jasyncio.combinators.AsCompleted} and {@link dev.jasyncio.combinators.Shield}. Users
 * reach them through the static methods of {@link dev.jasyncio.Jasyncio}.
 */
package dev.jasyncio.combinators;
