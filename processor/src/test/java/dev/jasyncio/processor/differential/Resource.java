package dev.jasyncio.processor.differential;

/**
 * A resource for try-with-resources in differential blueprints: opening and closing it leave
 * entries in its probe's trace, so the order of closes (and which close failed) is compared too.
 */
public final class Resource implements AutoCloseable {

    private final Probe probe;
    private final String name;
    private final String failureOnClose;

    Resource(Probe probe, String name, String failureOnClose) {
        this.probe = probe;
        this.name = name;
        this.failureOnClose = failureOnClose;
        probe.log("open " + name);
    }

    /** The name it was opened with. */
    public String name() {
        return name;
    }

    /**
     * Its name: a probe that records an awaited resource ({@code p.ao("t", p.open("r"))}) records
     * this, which must be the same in both runs, unlike the identity hash code.
     */
    @Override
    public String toString() {
        return "Resource " + name;
    }

    @Override
    public void close() {
        probe.log("close " + name);
        if (failureOnClose != null) {
            throw new IllegalStateException(failureOnClose);
        }
    }
}
