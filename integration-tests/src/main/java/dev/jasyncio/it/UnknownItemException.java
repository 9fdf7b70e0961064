package dev.jasyncio.it;

/** A checked exception, so the tests can follow one through awaits the way javac makes callers declare it. */
final class UnknownItemException extends Exception {
    private static final long serialVersionUID = 1L;

    UnknownItemException(String sku) {
        super("no item with SKU '" + sku + "'");
    }
}
