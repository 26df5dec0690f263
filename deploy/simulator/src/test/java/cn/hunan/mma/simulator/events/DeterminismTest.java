package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.faults.FaultRates;
import cn.hunan.mma.simulator.io.EventLine;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

    @Test
    void the_same_seed_gives_the_same_bytes_whatever_the_thread_count() throws Exception {
        String oneThread = digest(SmallRuns.lines(SmallRuns.simulation(11, MONDAY, 3, FaultRates.typical(), 1)));
        String twoThreads = digest(SmallRuns.lines(SmallRuns.simulation(11, MONDAY, 3, FaultRates.typical(), 2)));
        assertThat(twoThreads).isEqualTo(oneThread);
    }

    @Test
    void another_seed_gives_other_events() throws Exception {
        List<EventLine> first = SmallRuns.lines(SmallRuns.simulation(11, MONDAY, 2, FaultRates.none(), 2));
        List<EventLine> second = SmallRuns.lines(SmallRuns.simulation(12, MONDAY, 2, FaultRates.none(), 2));
        assertThat(digest(second)).isNotEqualTo(digest(first));
        assertThat(second.get(0).valueText()).isNotEqualTo(first.get(0).valueText());
    }

    private static String digest(List<EventLine> lines) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (EventLine line : lines) {
            sha.update(line.topic().getBytes());
            sha.update((byte) '\t');
            sha.update(line.key().getBytes());
            sha.update((byte) '\t');
            sha.update(line.value());
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
