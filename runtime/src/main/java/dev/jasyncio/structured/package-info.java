/**
 * Structured concurrency: {@link dev.jasyncio.structured.TaskGroup}, whose tasks never outlive the
 * group, and {@link dev.jasyncio.structured.ExceptionGroup}, which reports all of their failures
 * together.
 */
package dev.jasyncio.structured;
