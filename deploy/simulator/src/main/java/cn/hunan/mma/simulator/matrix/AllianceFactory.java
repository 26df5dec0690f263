package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.random.Draws;
import cn.hunan.mma.simulator.random.Seeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static cn.hunan.mma.simulator.matrix.ServiceLine.*;

/**
 * Forms the alliances: a county medical community (县域医共体) per county, county-level city and
 * rural district, led by its general hospital; city medical groups (城市医疗集团) over urban
 * districts and zones, one per grid of about 450,000 residents, led by a city hospital (in
 * Changsha also by provincial hospitals); and specialty alliances (专科联盟), province-wide and
 * regional, led by a provincial or regional hub hospital. Each close-knit alliance gets
 * collaborating tertiary hospitals.
 */
final class AllianceFactory {

    private static final long RESIDENTS_PER_CITY_GRID = 450_000;

    private static final List<Specialty> SPECIALTIES = List.of(
            new Specialty(CARDIOLOGY, "心血管"), new Specialty(NEUROLOGY, "卒中"), new Specialty(EMERGENCY, "创伤救治"),
            new Specialty(OBSTETRICS, "危重孕产妇救治"), new Specialty(NEONATOLOGY, "危重新生儿救治"),
            new Specialty(ONCOLOGY, "肿瘤"), new Specialty(PEDIATRICS, "儿科"), new Specialty(RESPIRATORY, "呼吸"),
            new Specialty(GASTROENTEROLOGY, "消化"), new Specialty(ENDOCRINOLOGY, "糖尿病"), new Specialty(NEPHROLOGY, "肾病"),
            new Specialty(ORTHOPEDICS, "骨科"), new Specialty(OPHTHALMOLOGY, "眼科"), new Specialty(OTOLARYNGOLOGY, "耳鼻咽喉"),
            new Specialty(STOMATOLOGY, "口腔"), new Specialty(DERMATOLOGY, "皮肤"), new Specialty(PSYCHIATRY, "精神卫生"),
            new Specialty(REHABILITATION, "康复"), new Specialty(CRITICAL_CARE, "重症医学"), new Specialty(HEMATOLOGY, "血液病"),
            new Specialty(UROLOGY, "泌尿外科"), new Specialty(NEUROSURGERY, "神经外科"),
            new Specialty(CARDIOTHORACIC_SURGERY, "心胸外科"), new Specialty(TCM_INTERNAL_MEDICINE, "中医"),
            new Specialty(INFECTIOUS_DISEASES, "感染病"));

    /** Province-wide first, then five regions, each led from its hub city. */
    private static final List<Scope> SCOPES = List.of(
            new Scope("430000", "湖南省", null, List.of()),
            new Scope("430100", "长株潭", "430100", List.of("430100", "430200", "430300")),
            new Scope("430600", "洞庭湖区域", "430600", List.of("430600", "430700", "430900")),
            new Scope("430400", "湘南", "430400", List.of("430400", "431000", "431100")),
            new Scope("430500", "湘中", "430500", List.of("430500", "431300")),
            new Scope("431200", "湘西", "431200", List.of("430800", "431200", "433100")));

    static final int MAX_SPECIALTY_ALLIANCES = SPECIALTIES.size() * SCOPES.size();

    private final MatrixOptions options;
    private final Geography geography;
    private final InstitutionRegistry registry;

    AllianceFactory(MatrixOptions options, Geography geography, InstitutionRegistry registry) {
        this.options = options;
        this.geography = geography;
        this.registry = registry;
    }

    List<Alliance> build() {
        List<Alliance> alliances = new ArrayList<>();
        for (Prefecture prefecture : geography.prefectures()) {
            CityGroupLeads leads = new CityGroupLeads(prefecture.code());
            for (County county : prefecture.counties()) {
                if (county.servedByCityGroups()) {
                    alliances.addAll(cityGroups(county, leads));
                } else {
                    alliances.add(countyCommunity(county));
                }
            }
        }
        for (int i = 0; i < options.specialtyAlliances(); i++) {
            int round = i / SPECIALTIES.size();
            int specialty = i % SPECIALTIES.size();
            Scope scope = round == 0 ? SCOPES.get(0) : SCOPES.get(1 + (specialty + round - 1) % (SCOPES.size() - 1));
            alliances.add(specialtyAlliance(SPECIALTIES.get(specialty), scope));
        }
        return alliances;
    }

    private Alliance countyCommunity(County county) {
        SplittableRandom random = Seeds.stream(options.seed(), "alliance", county.code());
        List<Institution> hospitals = registry.countyHospitals(county.code());
        Set<String> members = new LinkedHashSet<>();
        hospitals.forEach(hospital -> members.add(hospital.id()));
        for (Township township : county.townships()) {
            addPrimaryCare(township, members);
        }
        List<String> collaborators = new ArrayList<>();
        collaborators.add(pick(generals(registry.cityHospitals(county.prefectureCode())), random).id());
        collaborators.add(pick(generals(registry.provincial()), random).id());
        return new Alliance("CC-" + county.code(), county.name() + "县域医共体", AllianceKind.COUNTY_COMMUNITY,
                hospitals.get(0).id(), new ArrayList<>(members), List.of(county.code()), collaborators, null);
    }

    private List<Alliance> cityGroups(County county, CityGroupLeads leads) {
        SplittableRandom random = Seeds.stream(options.seed(), "alliance", county.code());
        int grids = (int) Math.max(1, Math.round((double) county.population() / RESIDENTS_PER_CITY_GRID));
        grids = Math.min(grids, county.townships().size());
        List<List<Township>> split = splitByPopulation(county.townships(), grids);
        List<Alliance> groups = new ArrayList<>();
        for (int g = 0; g < split.size(); g++) {
            Institution lead = leads.next(random);
            Set<String> members = new LinkedHashSet<>();
            members.add(lead.id());
            if (g == 0) {
                registry.countyHospitals(county.code()).forEach(hospital -> members.add(hospital.id()));
            }
            List<String> covered = new ArrayList<>();
            for (Township township : split.get(g)) {
                addPrimaryCare(township, members);
                covered.add(township.code());
            }
            List<String> collaborators = new ArrayList<>();
            List<Institution> provincial = generals(registry.provincial()).stream().filter(h -> h != lead).toList();
            int count = Draws.between(random, 1, 2);
            int start = random.nextInt(provincial.size());
            for (int k = 0; k < count; k++) {
                collaborators.add(provincial.get((start + k) % provincial.size()).id());
            }
            String name = county.name() + "城市医疗集团" + (split.size() > 1 ? "(第" + (g + 1) + "网格)" : "");
            groups.add(new Alliance("CG-" + county.code() + "-" + (g + 1), name, AllianceKind.CITY_GROUP, lead.id(),
                    new ArrayList<>(members), split.size() > 1 ? covered : List.of(county.code()), collaborators, null));
        }
        return groups;
    }

    private Alliance specialtyAlliance(Specialty specialty, Scope scope) {
        SplittableRandom random = Seeds.stream(options.seed(), "specialty-alliance", specialty.line().ordinal(), scope.code().hashCode());
        ServiceLine line = specialty.line();
        List<Institution> candidates = new ArrayList<>();
        List<String> prefectures = scope.prefectures().isEmpty()
                ? geography.prefectures().stream().map(Prefecture::code).toList() : scope.prefectures();
        for (String prefecture : prefectures) {
            candidates.addAll(registry.cityHospitals(prefecture));
            for (County county : geography.prefecture(prefecture).counties()) {
                candidates.addAll(registry.countyHospitals(county.code()));
            }
        }
        candidates.removeIf(institution -> !institution.has(line));
        List<Institution> provincialWithLine = registry.provincial().stream().filter(h -> h.has(line)).toList();
        Institution lead = scope.hub() == null
                ? best(provincialWithLine, line)
                : best(registry.cityHospitals(scope.hub()).stream().filter(h -> h.has(line)).toList(), line);
        if (lead == null) {
            lead = best(provincialWithLine, line);
        }
        Set<String> members = new LinkedHashSet<>();
        members.add(lead.id());
        // Recognised departments join; of the others, city hospitals half the time, county ones less.
        double joinUntaggedCounty = scope.hub() == null ? 0.10 : 0.30;
        for (Institution candidate : candidates) {
            boolean recognised = candidate.departmentFor(line).tag() != SpecialtyTag.ORDINARY;
            double join = candidate.level() == Level.CITY ? 0.5 : joinUntaggedCounty;
            if (recognised || random.nextDouble() < join) {
                members.add(candidate.id());
            }
        }
        List<String> collaborators = new ArrayList<>();
        for (Institution hospital : provincialWithLine) {
            if (collaborators.size() < 2 && !hospital.id().equals(lead.id())) {
                collaborators.add(hospital.id());
            }
        }
        return new Alliance("SA-" + line.departmentId() + "-" + scope.code(), scope.name() + specialty.name() + "专科联盟",
                AllianceKind.SPECIALTY_ALLIANCE, lead.id(), new ArrayList<>(members),
                scope.prefectures().isEmpty() ? List.of(scope.code()) : scope.prefectures(), collaborators, line);
    }

    /** Township centres and village clinics of a township join its close-knit alliance. */
    private void addPrimaryCare(Township township, Set<String> members) {
        members.add(registry.centreOf(township.code()).id());
        registry.clinicsOf(township.code()).forEach(clinic -> members.add(clinic.id()));
    }

    /** Contiguous groups of townships (code order) holding about equal numbers of residents. */
    private static List<List<Township>> splitByPopulation(List<Township> townships, int groups) {
        long total = townships.stream().mapToLong(Township::population).sum();
        List<List<Township>> split = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            split.add(new ArrayList<>());
        }
        long before = 0;
        for (Township township : townships) {
            int group = (int) Math.min(groups - 1, total == 0 ? 0 : before * groups / total);
            split.get(group).add(township);
            before += township.population();
        }
        split.removeIf(List::isEmpty);
        return split;
    }

    /** The hospital whose department of the line is best recognised (KEY first), the first one on ties. */
    private static Institution best(List<Institution> hospitals, ServiceLine line) {
        return hospitals.stream()
                .min(Comparator.comparingInt((Institution h) -> h.departmentFor(line).tag().ordinal()))
                .orElse(null);
    }

    private static List<Institution> generals(List<Institution> hospitals) {
        List<Institution> generals = hospitals.stream()
                .filter(h -> h.kind() == InstitutionKind.GENERAL && h.has(CARDIOLOGY))
                .toList();
        return generals.isEmpty() ? hospitals : generals;
    }

    private static Institution pick(List<Institution> hospitals, SplittableRandom random) {
        return hospitals.get(random.nextInt(hospitals.size()));
    }

    /** Hands out city-group leads in turn, starting at a random one, so leads share the groups. */
    private final class CityGroupLeads {
        private final List<Institution> pool;
        private int next = -1;

        CityGroupLeads(String prefectureCode) {
            List<Institution> pool = new ArrayList<>();
            if (Geography.CAPITAL_PREFECTURE.equals(prefectureCode)) {
                pool.addAll(generals(registry.provincial()));
            }
            pool.addAll(generals(registry.cityHospitals(prefectureCode)));
            this.pool = pool;
        }

        Institution next(SplittableRandom random) {
            if (next < 0) {
                next = random.nextInt(pool.size());
            }
            return pool.get(next++ % pool.size());
        }
    }

    private record Specialty(ServiceLine line, String name) {
    }

    private record Scope(String code, String name, String hub, List<String> prefectures) {
    }
}
