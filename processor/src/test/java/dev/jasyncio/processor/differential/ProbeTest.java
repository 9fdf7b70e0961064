package dev.jasyncio.processor.differential;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** What a probe records must not depend on which run it records. */
class ProbeTest {

    @Test
    void anAwaitedResourceIsRecordedByItsNameInBothRuns() {
        // the project mix's try (Resource r = await(p.ao("t", p.open("r")))) made every such program mismatch
        Probe plain = Probe.plain();
        Probe suspending = Probe.suspending();

        plain.ao("t", plain.open("r"));
        suspending.ao("t", suspending.open("r"));

        assertThat(plain.trace()).containsExactly("open r", "t=Resource r").inOrder();
        assertThat(suspending.trace()).isEqualTo(plain.trace());
    }
}
