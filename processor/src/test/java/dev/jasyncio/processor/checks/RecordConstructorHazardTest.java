package dev.jasyncio.processor.checks;

import static com.google.common.truth.Truth.assertThat;

import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

class RecordConstructorHazardTest {

    @Test
    void theReleaseOfAJavacIsReadFromTheNewestSourceVersionItKnows() {
        assertThat(RecordConstructorHazard.release(SourceVersion.RELEASE_17)).isEqualTo(17);
        assertThat(RecordConstructorHazard.release(SourceVersion.latest())).isEqualTo(Runtime.version().feature());
    }
}
