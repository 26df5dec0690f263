package cn.hunan.mma.benchmark.capacity;

import cn.hunan.mma.benchmark.workload.XiangtanMatrix;
import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.CapacityEvent;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.topic.Topics;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityEventSourceTest {

    // 2025-03-14 09:00 in China.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T01:00:00Z"), ZoneOffset.UTC);
    private static final List<DepartmentCapacity> DEPARTMENTS = DepartmentCapacity.of(XiangtanMatrix.AREA);

    @Test
    void every_event_is_a_valid_contract_record_of_a_department_in_the_matrix() {
        Set<String> known = DEPARTMENTS.stream().map(d -> d.institutionId() + "/" + d.departmentId()).collect(Collectors.toSet());
        CapacityEventSource source = new CapacityEventSource(DEPARTMENTS, Set.of(), CLOCK, 1);

        List<CapacityEvent> events = IntStream.range(0, 5000).mapToObj(i -> source.next()).toList();

        assertThat(events).allSatisfy(event -> {
            byte[] wire = Topics.CAPACITY.valueSerde().serializer().serialize(Topics.CAPACITY.name(), event);
            assertThat(Topics.CAPACITY.valueSerde().deserializer().deserialize(Topics.CAPACITY.name(), wire)).isEqualTo(event);
            assertThat(known).contains(event.institutionId().value() + "/" + departmentOf(event));
        });
    }

    @Test
    void mixes_publications_bookings_releases_and_bed_reports_for_the_coming_week() {
        CapacityEventSource source = new CapacityEventSource(DEPARTMENTS, Set.of(), CLOCK, 1);

        List<CapacityEvent> events = IntStream.range(0, 5000).mapToObj(i -> source.next()).toList();
        Map<Class<?>, Long> byType = events.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));

        assertThat(byType.keySet()).contains(SlotsPublished.class, SlotsBooked.class, SlotsReleased.class, BedStatusReported.class);
        assertThat(events).filteredOn(e -> e instanceof SlotsBooked).extracting(e -> ((SlotsBooked) e).session().date())
                .allSatisfy(date -> assertThat((LocalDate) date).isBetween(LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 20)));
    }

    /**
     * Releases as the contract means them since 2026-11-25 (8), where slots are reserved for referrals (expert sessions):
     * unused reserved slots opened to the public, or a referral's slot given back. Before, most were PUBLIC releases on
     * any session, which navigation now reads as openings from an empty referral pool.
     */
    @Test
    void releases_open_reserved_slots_to_the_public_or_give_a_referral_slot_back_in_expert_sessions() {
        CapacityEventSource source = new CapacityEventSource(DEPARTMENTS, Set.of(), CLOCK, 1);

        List<SlotsReleased> releases = IntStream.range(0, 5000).mapToObj(i -> source.next())
                .filter(SlotsReleased.class::isInstance).map(SlotsReleased.class::cast).toList();

        assertThat(releases).allSatisfy(release -> {
            assertThat(release.session().expert()).isTrue();
            assertThat(release.openedFrom()).isEqualTo(release.channel() == SlotChannel.PUBLIC ? SlotChannel.REFERRAL : null);
        });
        assertThat(releases).anyMatch(SlotsReleased::opensSlots).anyMatch(release -> !release.opensSlots());
    }

    @Test
    void never_reports_beds_for_the_departments_the_freshness_probe_owns() {
        // Own every department with beds: no background bed report may appear at all.
        Set<DepartmentCapacity> probed = DEPARTMENTS.stream().filter(d -> d.beds() > 0).collect(Collectors.toSet());
        CapacityEventSource source = new CapacityEventSource(DEPARTMENTS, probed, CLOCK, 1);

        assertThat(IntStream.range(0, 3000).mapToObj(i -> source.next())).noneMatch(e -> e instanceof BedStatusReported);
    }

    private static String departmentOf(CapacityEvent event) {
        if (event instanceof BedStatusReported beds) {
            return beds.departmentId().value();
        }
        if (event instanceof SlotsPublished published) {
            return published.session().departmentId().value();
        }
        if (event instanceof SlotsBooked booked) {
            return booked.session().departmentId().value();
        }
        return ((SlotsReleased) event).session().departmentId().value();
    }
}
