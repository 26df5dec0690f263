package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small hand-built matrix around 湘潭: a township centre and the county hospital in 湘潭县,
 * two city hospitals (岳塘区, 雨湖区) and two provincial hospitals in 长沙. Coordinates are
 * synthetic but close to the real places, so distances can be worked out by hand.
 */
final class XiangtanMatrix implements MatrixView, DivisionSeats {

    static final Instant REGISTERED = Instant.parse("2025-01-01T00:00:00Z");

    static final InstitutionId TOWNSHIP_CENTRE = InstitutionId.of("430321101C01");
    static final InstitutionId COUNTY_HOSPITAL = InstitutionId.of("430321H0001");
    static final InstitutionId CITY_CENTRAL = InstitutionId.of("430304H0001");
    static final InstitutionId CITY_FIRST = InstitutionId.of("430302H0001");
    static final InstitutionId XIANGYA = InstitutionId.of("430102H0001");
    static final InstitutionId PROVINCIAL_PEOPLES = InstitutionId.of("430102H0002");

    static final DepartmentId CARDIOLOGY = DepartmentId.of("CARDIO");
    static final DepartmentId NEUROLOGY = DepartmentId.of("NEURO");

    static final DivisionCode XIANGTAN_COUNTY = DivisionCode.of("430321");
    static final DivisionCode YUETANG = DivisionCode.of("430304");
    static final DivisionCode YUHU = DivisionCode.of("430302");

    private final Map<InstitutionId, InstitutionSnapshot> institutions = new LinkedHashMap<>();
    private final List<SpecialtySnapshot> specialties = new ArrayList<>();
    private final List<GuidanceCatalogueEntry> catalogue = new ArrayList<>();
    private final Map<String, Set<DepartmentId>> treatingByPrefix = new HashMap<>();
    private final Map<DivisionCode, GeoPoint> seats = new HashMap<>();

    /**
     * Every institution has ordinary cardiology and neurology. Catalogue (synthetic):
     * I10 hypertension → TOWNSHIP, I63 cerebral infarction → COUNTY, I63.0 → CITY,
     * C71 brain tumour → PROVINCE.
     */
    static XiangtanMatrix standard() {
        XiangtanMatrix matrix = new XiangtanMatrix()
                .institution(TOWNSHIP_CENTRE, "花石镇中心卫生院", Level.TOWNSHIP, "430321101", 27.6200, 112.8000)
                .institution(COUNTY_HOSPITAL, "湘潭县人民医院", Level.COUNTY, "430321", 27.7790, 112.9520)
                .institution(CITY_CENTRAL, "湘潭市中心医院", Level.CITY, "430304", 27.8590, 112.9500)
                .institution(CITY_FIRST, "湘潭市第一人民医院", Level.CITY, "430302", 27.8560, 112.9040)
                .institution(XIANGYA, "中南大学湘雅医院", Level.PROVINCE, "430102", 28.2130, 112.9830)
                .institution(PROVINCIAL_PEOPLES, "湖南省人民医院", Level.PROVINCE, "430102", 28.1960, 113.0000)
                .catalogue("I10", Level.TOWNSHIP)
                .catalogue("I63", Level.COUNTY)
                .catalogue("I63.0", Level.CITY)
                .catalogue("C71", Level.PROVINCE)
                .treats("I", CARDIOLOGY)
                .treats("I63", NEUROLOGY)
                .treats("C71", NEUROLOGY)
                .seat(XIANGTAN_COUNTY, 27.7786, 112.9515)
                .seat(YUETANG, 27.8717, 112.9696)
                .seat(YUHU, 27.8600, 112.9070);
        for (InstitutionId id : List.copyOf(matrix.institutions.keySet())) {
            matrix.department(id, CARDIOLOGY, SpecialtyTag.ORDINARY);
            matrix.department(id, NEUROLOGY, SpecialtyTag.ORDINARY);
        }
        return matrix;
    }

    XiangtanMatrix institution(InstitutionId id, String name, Level level, String division,
                               double latitude, double longitude) {
        institutions.put(id, new InstitutionSnapshot(EventId.random(), REGISTERED, id, name, level,
                InstitutionKind.GENERAL, DivisionCode.of(division), BigDecimal.valueOf(latitude),
                BigDecimal.valueOf(longitude), List.of(), true));
        return this;
    }

    /** Sets the department's tag, replacing any earlier one. */
    XiangtanMatrix department(InstitutionId institution, DepartmentId department, SpecialtyTag tag) {
        specialties.removeIf(s -> s.institutionId().equals(institution) && s.departmentId().equals(department));
        specialties.add(new SpecialtySnapshot(EventId.random(), REGISTERED, institution, department,
                department.value().toLowerCase(), tag));
        return this;
    }

    XiangtanMatrix catalogue(String prefix, Level lowestInpatientLevel) {
        catalogue.add(new GuidanceCatalogueEntry(EventId.random(), REGISTERED, Icd10Code.of(prefix),
                lowestInpatientLevel, false, "synthetic-test"));
        return this;
    }

    XiangtanMatrix treats(String icdPrefix, DepartmentId department) {
        treatingByPrefix.computeIfAbsent(icdPrefix, p -> new HashSet<>()).add(department);
        return this;
    }

    XiangtanMatrix seat(DivisionCode division, double latitude, double longitude) {
        seats.put(division, new GeoPoint(latitude, longitude));
        return this;
    }

    @Override
    public Optional<InstitutionSnapshot> institution(InstitutionId id) {
        return Optional.ofNullable(institutions.get(id));
    }

    @Override
    public List<SpecialtySnapshot> departments(DepartmentId departmentId) {
        return specialties.stream().filter(s -> s.departmentId().equals(departmentId)).toList();
    }

    @Override
    public Set<DepartmentId> departmentsTreating(Icd10Code diagnosis) {
        Set<DepartmentId> departments = new HashSet<>();
        treatingByPrefix.forEach((prefix, ids) -> {
            if (diagnosis.value().startsWith(prefix)) {
                departments.addAll(ids);
            }
        });
        return departments;
    }

    @Override
    public List<GuidanceCatalogueEntry> catalogue() {
        return List.copyOf(catalogue);
    }

    @Override
    public Optional<GeoPoint> seatOf(DivisionCode division) {
        return Optional.ofNullable(seats.get(division));
    }
}
