package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shortlist keeps exactly the best of a full sort: points, then institution id, then department id. */
class ProspectsTest {

    private static final double[] FEW_POINTS = {-1000, 0, 50.5, 120, 120.01};

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 3, 10, 50, 300, 400})
    void the_shortlist_is_the_head_of_the_full_order(int limit) {
        SplittableRandom random = new SplittableRandom(limit);
        Prospects prospects = new Prospects();
        // 300 prospects (2 departments at 150 institutions, added in shuffled order; more than the
        // table first holds) on 5 point values: many ties.
        List<Offering> offerings = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            InstitutionSnapshot institution = institution(String.format("430321H%04d", i));
            offerings.add(Offering.of(institution, department(institution, "CARDIO")));
            offerings.add(Offering.of(institution, department(institution, "NEURO")));
        }
        java.util.Collections.shuffle(offerings, new java.util.Random(limit));
        List<double[]> pointsOf = new ArrayList<>();
        for (Offering offering : offerings) {
            prospects.add(offering, false, SlotChannel.PUBLIC, Double.NaN);
            double points = FEW_POINTS[random.nextInt(FEW_POINTS.length)];
            prospects.setPoints(prospects.size() - 1, points);
            pointsOf.add(new double[]{points});
        }

        int kept = prospects.shortlist(limit);

        Comparator<Integer> bestFirst = Comparator.<Integer>comparingDouble(i -> -pointsOf.get(i)[0])
                .thenComparing(i -> offerings.get(i).institution().institutionId().value())
                .thenComparing(i -> offerings.get(i).department().departmentId().value());
        List<Integer> expected = IntStream.range(0, offerings.size()).boxed().sorted(bestFirst)
                .limit(limit).toList();
        assertThat(kept).isEqualTo(Math.min(limit, 300));
        assertThat(IntStream.range(0, kept).map(prospects::shortlisted).boxed().toList()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void a_table_grown_for_a_search_of_the_province_serves_the_next_request_after_shrinking() {
        Prospects prospects = new Prospects();
        Offering first = Offering.of(institution("430321H0001"), department(institution("430321H0001"), "CARDIO"));
        Offering second = Offering.of(institution("430321H0002"), department(institution("430321H0002"), "CARDIO"));
        for (int i = 0; i < 5_000; i++) {
            prospects.add(first, false, SlotChannel.PUBLIC, Double.NaN);
        }
        prospects.clear();

        prospects.add(second, false, SlotChannel.PUBLIC, 3.0);
        prospects.add(first, false, SlotChannel.PUBLIC, 4.0);
        prospects.setPoints(0, 10);
        prospects.setPoints(1, 10);

        assertThat(prospects.size()).isEqualTo(2);
        assertThat(prospects.shortlist(10)).isEqualTo(2);
        assertThat(prospects.offering(prospects.shortlisted(0))).isSameAs(first); // same points: the lower id first
        assertThat(prospects.kilometres(prospects.shortlisted(1))).isEqualTo(3.0);
    }

    private static InstitutionSnapshot institution(String id) {
        return new InstitutionSnapshot(EventId.random(), XiangtanMatrix.REGISTERED, InstitutionId.of(id), id,
                Level.COUNTY, InstitutionKind.GENERAL, DivisionCode.of("430321"), BigDecimal.valueOf(27.7),
                BigDecimal.valueOf(112.9), List.of(), true);
    }

    private static SpecialtySnapshot department(InstitutionSnapshot institution, String id) {
        return new SpecialtySnapshot(EventId.random(), XiangtanMatrix.REGISTERED, institution.institutionId(),
                DepartmentId.of(id), id, SpecialtyTag.ORDINARY);
    }
}
