package cn.hunan.mma.benchmark.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourcesTest {

    private final List<String> stopped = new ArrayList<>();

    @Test
    void stops_what_was_started_last_first_and_only_once() {
        Resources resources = new Resources();
        resources.remember(() -> stopped.add("postgres"));
        resources.remember(() -> stopped.add("kafka"));
        resources.remember(() -> stopped.add("service"));

        resources.close();
        resources.close();

        assertThat(stopped).containsExactly("service", "kafka", "postgres");
    }

    @Test
    void something_started_after_ctrl_c_is_stopped_at_once_and_the_run_gives_up() {
        Resources resources = new Resources();
        resources.close();

        assertThatThrownBy(() -> resources.remember(() -> stopped.add("service")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(stopped).containsExactly("service");
    }

    @Test
    void a_failure_to_stop_one_thing_does_not_keep_the_others_running() {
        Resources resources = new Resources();
        resources.remember(() -> stopped.add("postgres"));
        resources.remember(() -> {
            throw new IllegalStateException("already gone");
        });

        resources.close();

        assertThat(stopped).containsExactly("postgres");
    }
}
