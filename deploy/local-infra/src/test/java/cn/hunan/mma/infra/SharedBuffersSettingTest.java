package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedBuffersSettingTest {

    private final String before = System.getProperty(LocalPostgres.SHARED_BUFFERS_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(LocalPostgres.SHARED_BUFFERS_PROPERTY);
        } else {
            System.setProperty(LocalPostgres.SHARED_BUFFERS_PROPERTY, before);
        }
    }

    @Test
    void half_a_gigabyte_unless_the_property_says_otherwise() {
        System.clearProperty(LocalPostgres.SHARED_BUFFERS_PROPERTY);
        assertThat(LocalPostgres.sharedBuffers()).isEqualTo("512MB");

        System.setProperty(LocalPostgres.SHARED_BUFFERS_PROPERTY, " 4GB ");
        assertThat(LocalPostgres.sharedBuffers()).isEqualTo("4GB");
    }

    @Test
    void a_size_postgresql_would_misread_is_refused_before_the_server_starts() {
        for (String size : new String[] {"4", "4 GB", "0MB", "lots", "4gb"}) {
            System.setProperty(LocalPostgres.SHARED_BUFFERS_PROPERTY, size);
            assertThatThrownBy(LocalPostgres::sharedBuffers).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(LocalPostgres.SHARED_BUFFERS_PROPERTY).hasMessageContaining(size);
        }
    }
}
