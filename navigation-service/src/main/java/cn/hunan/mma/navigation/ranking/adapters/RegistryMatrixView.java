package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.ranking.DivisionSeats;
import cn.hunan.mma.navigation.ranking.GeoPoint;
import cn.hunan.mma.navigation.ranking.MatrixView;
import cn.hunan.mma.navigation.ranking.TreatingRange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An immutable snapshot of the registry as the recommender reads it.
 *
 * <p>Division seats: the registry holds no surveyed seats, so a division's seat is the average of
 * the coordinates of its registered institutions that have them — for a county code, those whose
 * division starts with the county's six digits; for a city code ({@code xxxx00}), those in any of
 * its counties. Finer codes fall back through {@link DivisionSeats#nearestKnownSeat}. A plain
 * average of degrees is fine inside one city (a few tens of km).
 *
 * <p>Diagnosis → departments: the registry's category ranges ({@code diagnosis_department}),
 * plus any configured prefixes ({@code mma.navigation.treating.<prefix>}); all that cover a
 * diagnosis contribute.
 */
public final class RegistryMatrixView implements MatrixView, DivisionSeats {

    private final Map<InstitutionId, InstitutionSnapshot> institutions;
    private final Map<DepartmentId, List<SpecialtySnapshot>> departments;
    private final List<GuidanceCatalogueEntry> catalogue;
    private final Map<String, Set<DepartmentId>> treating;
    private final List<TreatingRange> treatingRanges;
    private final Map<DivisionCode, GeoPoint> seats;

    public RegistryMatrixView(List<InstitutionSnapshot> institutions, List<SpecialtySnapshot> specialties,
                              List<GuidanceCatalogueEntry> catalogue, Map<String, Set<DepartmentId>> treating) {
        this(institutions, specialties, catalogue, List.of(), treating);
    }

    /**
     * @param treatingRanges the registry's diagnosis → department ranges
     * @param treating       configured ICD-10 prefix (a chapter letter will do) → departments
     */
    public RegistryMatrixView(List<InstitutionSnapshot> institutions, List<SpecialtySnapshot> specialties,
                              List<GuidanceCatalogueEntry> catalogue, List<TreatingRange> treatingRanges,
                              Map<String, Set<DepartmentId>> treating) {
        this.treatingRanges = List.copyOf(treatingRanges);
        this.institutions = institutions.stream()
                .collect(Collectors.toUnmodifiableMap(InstitutionSnapshot::institutionId, Function.identity()));
        this.departments = specialties.stream()
                .collect(Collectors.groupingBy(SpecialtySnapshot::departmentId, Collectors.toUnmodifiableList()));
        this.catalogue = List.copyOf(catalogue);
        this.treating = Map.copyOf(treating);
        this.seats = seatsOf(institutions);
    }

    @Override
    public Optional<InstitutionSnapshot> institution(InstitutionId id) {
        return Optional.ofNullable(institutions.get(id));
    }

    @Override
    public List<SpecialtySnapshot> departments(DepartmentId departmentId) {
        return departments.getOrDefault(departmentId, List.of());
    }

    /** Every registry range and configured prefix covering the diagnosis contributes its departments. */
    @Override
    public Set<DepartmentId> departmentsTreating(Icd10Code diagnosis) {
        Stream<DepartmentId> fromRegistry = treatingRanges.stream()
                .filter(range -> range.covers(diagnosis)).map(TreatingRange::department);
        Stream<DepartmentId> configured = treating.entrySet().stream()
                .filter(entry -> diagnosis.value().startsWith(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream());
        return Stream.concat(fromRegistry, configured).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<GuidanceCatalogueEntry> catalogue() {
        return catalogue;
    }

    @Override
    public Optional<GeoPoint> seatOf(DivisionCode division) {
        return Optional.ofNullable(seats.get(division));
    }

    public int institutionCount() {
        return institutions.size();
    }

    private static Map<DivisionCode, GeoPoint> seatsOf(List<InstitutionSnapshot> institutions) {
        Map<DivisionCode, double[]> sums = new HashMap<>();
        for (InstitutionSnapshot institution : institutions) {
            if (institution.latitude() == null) {
                continue;
            }
            DivisionCode division = institution.divisionCode();
            // distinct: an institution registered at a city code is its own "county" too.
            for (DivisionCode area : Stream.of(division.countyCode(), division.cityCode()).distinct().toList()) {
                double[] sum = sums.computeIfAbsent(area, a -> new double[3]);
                sum[0] += institution.latitude().doubleValue();
                sum[1] += institution.longitude().doubleValue();
                sum[2]++;
            }
        }
        Map<DivisionCode, GeoPoint> seats = new HashMap<>();
        sums.forEach((area, sum) -> seats.put(area, new GeoPoint(sum[0] / sum[2], sum[1] / sum[2])));
        return Map.copyOf(seats);
    }
}
