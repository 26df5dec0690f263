package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.NationalIdShapes;
import cn.hunan.mma.events.value.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each payload under fixtures/hostile is refused with exactly the reason and path its manifest
 * line names; together they cover every rejection reason.
 */
class HostileFixturesTest {

    private static final String DIRECTORY = "/fixtures/hostile/";

    private final ContractCodec codec = GoldenFixtures.codec();

    record Case(String file, String topic, Reason reason, String path) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Case> manifest() {
        return lines(read("manifest.csv")).stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .map(cells -> new Case(cells[0], cells[1], Reason.valueOf(cells[2]), cells[3]))
                .toList();
    }

    static List<Arguments> cases() {
        return manifest().stream().map(Arguments::of).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_rejected_with_the_reason_and_path_its_manifest_names(Case hostile) {
        Class<? extends ContractRecord> expected = hostile.topic().isEmpty() ? ContractRecord.class
                : Topics.byName(hostile.topic()).map(Topic::valueType).orElseThrow();

        DecodeResult<? extends ContractRecord> result = codec.decode(read(hostile.file()), expected);

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).as("reason").isEqualTo(hostile.reason());
            assertThat(rejected.path()).as("path").isEqualTo(hostile.path());
            assertThat(rejected.message()).as("message").isNotBlank();
            assertThat(NationalIdShapes.containsNumber(rejected.message(), NationalIdShapes.Scope.ANYWHERE))
                    .as("an ID number of either generation in the message").isFalse();
        });
    }

    @Test
    void the_hostile_set_covers_every_rejection_reason() {
        Set<Reason> covered = manifest().stream().map(Case::reason).collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));

        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Reason.class));
        assertThat(manifest()).hasSizeGreaterThanOrEqualTo(20);
    }

    private static byte[] read(String file) {
        try (InputStream in = HostileFixturesTest.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalArgumentException("missing hostile fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
}
