package io.github.pcqualification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryVersionTest {

    @Test
    void current_isTheVersionTheBuildStamped() {
        String built = System.getProperty("project.version");

        assertThat(built).as("surefire passes the POM's version").isNotBlank();
        assertThat(LibraryVersion.current()).isEqualTo(built);
    }
}
