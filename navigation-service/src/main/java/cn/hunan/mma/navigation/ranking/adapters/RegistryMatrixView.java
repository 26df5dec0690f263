package cn.hunan.mma.navigation.ranking.adapters;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.ranking.DivisionSeats;
import cn.hunan.mma.navigation.ranking.GeoPoint;
import cn.hunan.mma.navigation.ranking.GuidanceCatalogue;
import cn.hunan.mma.navigation.ranking.MatrixView;
import cn.hunan.mma.navigation.ranking.Offering;
import cn.hunan.mma.navigation.ranking.TreatingRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * its counties; for a township or village code, those registered at that very code (a township's
 * health centre stands where the township is run from, a village clinic in its village), else,
 * for a township, every institution placed in it (its villages' clinics). So distances from a
 * patient's township or village are measured from there, not from the county's middle. Codes
 * without a seat fall back through {@link DivisionSeats#nearestKnownSeat}. A plain average of
 * degrees is fine inside one city (a few tens of km).
 *
 * <p>Diagnosis → departments: the registry's category ranges ({@code diagnosis_department}),
 * plus any configured prefixes ({@code mma.navigation.treating.<prefix>}); all that cover a
 * diagnosis contribute.
 *
 * <p>Indexes, built once per snapshot so a request reads tens of departments rather than scanning
 * thousands: each department id → area (township, county and city of the institution) → its
 * departments there; the lowest level offering each department; the catalogue.
 */
public final class RegistryMatrixView implements MatrixView, DivisionSeats {

    // Keyed by the id's text: institution ids collide in their hash codes often enough for HashMap
    // to make trees of its bins, and only a Comparable key (String) keeps those trees fast.
    private final Map<String, InstitutionSnapshot> institutions;
    private final Map<DepartmentId, List<SpecialtySnapshot>> departments;
    private final List<GuidanceCatalogueEntry> catalogue;
    private final Map<String, Set<DepartmentId>> treating;
    private final List<TreatingRange> treatingRanges;
    private final Map<DivisionCode, GeoPoint> seats;
    private final Map<DepartmentId, Map<DivisionCode, Offerings>> departmentsByArea;
    private final Map<DepartmentId, Level> lowestLevels;
    private final GuidanceCatalogue guidance;
    private final List<Map.Entry<DivisionCode, GeoPoint>> countySeats;
    private final Map<DivisionCode, List<Map.Entry<DivisionCode, GeoPoint>>> townshipCentres;

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
        this.institutions = hashed(institutions.stream()
                .collect(Collectors.toMap(institution -> institution.institutionId().value(), Function.identity())));
        this.departments = specialties.stream()
                .collect(Collectors.groupingBy(SpecialtySnapshot::departmentId, Collectors.toUnmodifiableList()));
        this.catalogue = List.copyOf(catalogue);
        this.treating = Map.copyOf(treating);
        this.townshipCentres = townshipCentres(institutions);
        this.seats = seatsOf(institutions, townshipCentres);
        this.departmentsByArea = byArea(this.institutions, specialties);
        this.lowestLevels = lowestLevels(this.institutions, specialties);
        this.guidance = new GuidanceCatalogue(catalogue);
        this.countySeats = seats.entrySet().stream()
                .filter(seat -> seat.getKey().granularity() == DivisionCode.Granularity.COUNTY)
                .toList();
    }

    @Override
    public Optional<InstitutionSnapshot> institution(InstitutionId id) {
        return Optional.ofNullable(institutions.get(id.value()));
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

    @Override
    public List<SpecialtySnapshot> departmentsIn(DepartmentId departmentId, DivisionCode area, Level atLeast) {
        return offeringsIn(departmentId, area, atLeast).stream().map(Offering::department).toList();
    }

    @Override
    public List<Offering> offeringsIn(DepartmentId departmentId, DivisionCode area, Level atLeast) {
        Offerings offerings = departmentsByArea.getOrDefault(departmentId, Map.of()).get(area);
        return offerings == null ? List.of() : offerings.atOrAbove(atLeast);
    }

    /**
     * A department's offerings in one area, highest level first, with the count at or above each
     * level: the province's 2,008 township departments of internal medicine are skipped, not
     * scanned, when a case belongs at county level. Each {@link Offering} is built once per
     * snapshot and shared by every area holding it.
     */
    private record Offerings(List<Offering> highestFirst, int[] countAtOrAbove) {

        static Offerings of(List<Offering> offerings) {
            List<Offering> sorted = offerings.stream()
                    .sorted(Comparator.comparing((Offering o) -> o.institution().level()).reversed())
                    .toList();
            int[] counts = new int[Level.values().length];
            for (Offering offering : sorted) {
                for (int level = 0; level <= offering.institution().level().ordinal(); level++) {
                    counts[level]++;
                }
            }
            return new Offerings(sorted, counts);
        }

        List<Offering> atOrAbove(Level level) {
            return highestFirst.subList(0, countAtOrAbove[level.ordinal()]);
        }
    }

    @Override
    public Optional<Level> lowestLevelOffering(DepartmentId departmentId) {
        return Optional.ofNullable(lowestLevels.get(departmentId));
    }

    @Override
    public Optional<GuidanceCatalogueEntry> catalogueEntryFor(Icd10Code diagnosis) {
        return guidance.entryFor(diagnosis);
    }

    /** A scan of about 120 county seats: cheaper than any index at this size. */
    @Override
    public Optional<DivisionCode> nearestCounty(GeoPoint point) {
        return nearest(point, countySeats);
    }

    /** A scan of the county's townships (about 15); a township's centre averages its institutions. */
    @Override
    public Optional<DivisionCode> nearestTownship(GeoPoint point, DivisionCode county) {
        return nearest(point, townshipCentres.getOrDefault(county, List.of()));
    }

    /**
     * Compares the haversine term, not kilometres: the distance grows with it, so the nearest is
     * the same, without the arcsine and square root for every place scanned on every request.
     */
    private static Optional<DivisionCode> nearest(GeoPoint point, List<Map.Entry<DivisionCode, GeoPoint>> places) {
        DivisionCode nearest = null;
        double best = Double.POSITIVE_INFINITY;
        double cosLatitude = Math.cos(Math.toRadians(point.latitude()));
        for (Map.Entry<DivisionCode, GeoPoint> place : places) {
            GeoPoint other = place.getValue();
            double sinHalfLat = Math.sin(Math.toRadians(other.latitude() - point.latitude()) / 2);
            double sinHalfLng = Math.sin(Math.toRadians(other.longitude() - point.longitude()) / 2);
            double h = sinHalfLat * sinHalfLat
                    + cosLatitude * Math.cos(Math.toRadians(other.latitude())) * sinHalfLng * sinHalfLng;
            if (h < best) {
                best = h;
                nearest = place.getKey();
            }
        }
        return Optional.ofNullable(nearest);
    }

    public int institutionCount() {
        return institutions.size();
    }

    private static Map<DepartmentId, Map<DivisionCode, Offerings>> byArea(
            Map<String, InstitutionSnapshot> institutions, List<SpecialtySnapshot> specialties) {
        Map<DepartmentId, Map<DivisionCode, List<Offering>>> index = new HashMap<>();
        for (SpecialtySnapshot specialty : specialties) {
            InstitutionSnapshot institution = institutions.get(specialty.institutionId().value());
            if (institution == null) {
                continue; // not registered: never a candidate
            }
            Offering offering = Offering.of(institution, specialty);
            Map<DivisionCode, List<Offering>> areas = index.computeIfAbsent(specialty.departmentId(),
                    d -> new HashMap<>());
            for (DivisionCode area : areasOf(institution.divisionCode())) {
                areas.computeIfAbsent(area, a -> new ArrayList<>()).add(offering);
            }
        }
        Map<DepartmentId, Map<DivisionCode, Offerings>> frozen = new HashMap<>();
        index.forEach((department, areas) -> {
            Map<DivisionCode, Offerings> frozenAreas = new HashMap<>();
            areas.forEach((area, list) -> frozenAreas.put(area, Offerings.of(list)));
            frozen.put(department, hashed(frozenAreas));
        });
        return hashed(frozen);
    }

    /**
     * An unmodifiable hash map. Not {@code Map.copyOf}: its open addressing degrades to long probe
     * runs on keys with sequential hash codes, as institution ids and division codes have.
     */
    private static <K, V> Map<K, V> hashed(Map<K, V> entries) {
        return Collections.unmodifiableMap(new HashMap<>(entries));
    }

    /** The township (for finer codes), county, city and province an institution's division lies in. */
    private static Set<DivisionCode> areasOf(DivisionCode division) {
        Set<DivisionCode> areas = new HashSet<>(5);
        areas.add(division.countyCode());
        areas.add(division.cityCode());
        areas.add(division.provinceCode());
        if (division.value().length() > 6) {
            areas.add(DivisionCode.of(division.value().substring(0, 9)));
        }
        return areas;
    }

    private static Map<DepartmentId, Level> lowestLevels(Map<String, InstitutionSnapshot> institutions,
                                                         List<SpecialtySnapshot> specialties) {
        Map<DepartmentId, Level> lowest = new HashMap<>();
        for (SpecialtySnapshot specialty : specialties) {
            InstitutionSnapshot institution = institutions.get(specialty.institutionId().value());
            if (institution != null && institution.active()) {
                lowest.merge(specialty.departmentId(), institution.level(),
                        (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return hashed(lowest);
    }

    /**
     * County → its townships' centres: the average position of the institutions placed in each
     * township (its villages included). Used to start a search near the patient, not as seats.
     */
    private static Map<DivisionCode, List<Map.Entry<DivisionCode, GeoPoint>>> townshipCentres(
            List<InstitutionSnapshot> institutions) {
        Map<DivisionCode, double[]> sums = new HashMap<>();
        for (InstitutionSnapshot institution : institutions) {
            String division = institution.divisionCode().value();
            if (institution.latitude() == null || division.length() <= 6) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(DivisionCode.of(division.substring(0, 9)), t -> new double[3]);
            sum[0] += institution.latitude().doubleValue();
            sum[1] += institution.longitude().doubleValue();
            sum[2]++;
        }
        Map<DivisionCode, List<Map.Entry<DivisionCode, GeoPoint>>> byCounty = new HashMap<>();
        sums.forEach((township, sum) -> byCounty.computeIfAbsent(township.countyCode(), c -> new ArrayList<>())
                .add(Map.entry(township, new GeoPoint(sum[0] / sum[2], sum[1] / sum[2]))));
        Map<DivisionCode, List<Map.Entry<DivisionCode, GeoPoint>>> frozen = new HashMap<>();
        byCounty.forEach((county, townships) -> frozen.put(county, List.copyOf(townships)));
        return hashed(frozen);
    }

    private static Map<DivisionCode, GeoPoint> seatsOf(
            List<InstitutionSnapshot> institutions,
            Map<DivisionCode, List<Map.Entry<DivisionCode, GeoPoint>>> townshipCentres) {
        Map<DivisionCode, double[]> sums = new HashMap<>();
        for (InstitutionSnapshot institution : institutions) {
            if (institution.latitude() == null) {
                continue;
            }
            DivisionCode division = institution.divisionCode();
            // distinct: an institution registered at a city code is its own "county" too, and one
            // registered at a county code adds nothing finer.
            List<DivisionCode> areas = Stream.of(division, division.countyCode(), division.cityCode())
                    .distinct().toList();
            for (DivisionCode area : areas) {
                double[] sum = sums.computeIfAbsent(area, a -> new double[3]);
                sum[0] += institution.latitude().doubleValue();
                sum[1] += institution.longitude().doubleValue();
                sum[2]++;
            }
        }
        Map<DivisionCode, GeoPoint> seats = new HashMap<>();
        sums.forEach((area, sum) -> seats.put(area, new GeoPoint(sum[0] / sum[2], sum[1] / sum[2])));
        // A township with no institution registered at its own code: the middle of its villages' ones.
        townshipCentres.values().forEach(townships -> townships.forEach(
                centre -> seats.putIfAbsent(centre.getKey(), centre.getValue())));
        return hashed(seats);
    }
}
