package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.random.Draws;
import cn.hunan.mma.simulator.random.Seeds;
import cn.hunan.mma.simulator.reference.ReferenceData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the province's hospital matrix from the reference data and a seed: a clinic per
 * village (or per N villages), a centre per township or street, general + TCM + maternal-child
 * hospitals per county, 4–7 hospitals per city, eleven provincial hospitals in Changsha, and the
 * alliances between them. The same options always give the same matrix.
 */
public final class MatrixGenerator {

    /** Synthetic provincial hospitals, in Changsha's central districts, with their share of provincial beds. */
    private static final List<ProvincialHospital> PROVINCIAL = List.of(
            new ProvincialHospital("湖南省第一人民医院", InstitutionType.PROVINCE_GENERAL, 3.0),
            new ProvincialHospital("湖南省第二人民医院", InstitutionType.PROVINCE_GENERAL, 2.5),
            new ProvincialHospital("湖南省第三人民医院", InstitutionType.PROVINCE_GENERAL, 2.0),
            new ProvincialHospital("湖南省医学院第一附属医院", InstitutionType.PROVINCE_GENERAL, 3.5),
            new ProvincialHospital("湖南省医学院第二附属医院", InstitutionType.PROVINCE_GENERAL, 3.0),
            new ProvincialHospital("湖南省中医医院", InstitutionType.PROVINCE_TCM, 2.0),
            new ProvincialHospital("湖南省妇幼保健院", InstitutionType.PROVINCE_MATERNAL_CHILD, 1.5),
            new ProvincialHospital("湖南省儿童医院", InstitutionType.PROVINCE_CHILDREN, 1.5),
            new ProvincialHospital("湖南省肿瘤医院", InstitutionType.PROVINCE_CANCER, 2.0),
            new ProvincialHospital("湖南省脑科医院", InstitutionType.PROVINCE_BRAIN, 1.2),
            new ProvincialHospital("湖南省第四人民医院", InstitutionType.PROVINCE_GENERAL, 1.5));
    private static final List<String> PROVINCIAL_DISTRICTS = List.of("430102", "430103", "430104", "430105", "430111");

    private final ReferenceData reference;
    private final MatrixOptions options;
    private final InstitutionFactory factory;

    public MatrixGenerator(ReferenceData reference, MatrixOptions options) {
        this.reference = reference;
        this.options = options;
        this.factory = new InstitutionFactory(options.seed());
    }

    public static HospitalMatrix generate(MatrixOptions options) {
        return new MatrixGenerator(ReferenceData.bundled(), options).generate();
    }

    public HospitalMatrix generate() {
        Geography geography = new GeographyBuilder(reference, options.seed()).build();
        InstitutionRegistry registry = new InstitutionRegistry();
        addProvincialHospitals(geography, registry);
        for (Prefecture prefecture : geography.prefectures()) {
            addCityHospitals(prefecture, registry);
            for (County county : prefecture.counties()) {
                addCountyInstitutions(county, registry);
            }
        }
        List<Alliance> alliances = new AllianceFactory(options, geography, registry).build();
        for (Alliance alliance : alliances) {
            for (String member : alliance.memberIds()) {
                registry.byId(member).joinAlliance(alliance.id());
            }
        }
        Map<String, CareNetwork> networks = new LinkedHashMap<>();
        for (County county : geography.counties()) {
            networks.put(county.code(), network(geography, county, registry));
        }
        List<Institution> sorted = new ArrayList<>(registry.all());
        sorted.sort(Comparator.comparing(Institution::id));
        List<Alliance> sortedAlliances = new ArrayList<>(alliances);
        sortedAlliances.sort(Comparator.comparing(Alliance::id));
        Map<String, Institution> byId = new HashMap<>();
        sorted.forEach(institution -> byId.put(institution.id(), institution));
        return new HospitalMatrix(options, geography, sorted, byId, sortedAlliances,
                GuidanceCatalogue.from(reference.diagnoses()), networks);
    }

    private void addProvincialHospitals(Geography geography, InstitutionRegistry registry) {
        long population = geography.population();
        double totalWeight = PROVINCIAL.stream().mapToDouble(ProvincialHospital::bedWeight).sum();
        int totalBeds = CapacityPlan.beds(population, Level.PROVINCE);
        int totalSlots = CapacityPlan.dailySlots(population, Level.PROVINCE);
        SplittableRandom random = Seeds.stream(options.seed(), "provincial-hospitals");
        for (int i = 0; i < PROVINCIAL.size(); i++) {
            ProvincialHospital hospital = PROVINCIAL.get(i);
            String district = PROVINCIAL_DISTRICTS.get(i % PROVINCIAL_DISTRICTS.size());
            double share = hospital.bedWeight() / totalWeight;
            registry.addProvincial(factory.create(String.format("%sH%04d", district, 201 + i), hospital.name(),
                    hospital.type(), district, district, geography.provincialCapital().near(random, 0.04), population,
                    (int) Math.round(totalBeds * share), (int) Math.round(totalSlots * share)));
        }
    }

    /** General hospitals by population (2 for 湘潭, 5 for 长沙), plus a TCM and a maternal-child hospital. */
    private void addCityHospitals(Prefecture prefecture, InstitutionRegistry registry) {
        long population = prefecture.population();
        int generals = (int) Math.max(2, Math.min(5, Math.round(population / 2_000_000.0) + 1));
        List<InstitutionType> types = new ArrayList<>();
        for (int i = 0; i < generals; i++) {
            types.add(InstitutionType.CITY_GENERAL);
        }
        types.add(InstitutionType.CITY_TCM);
        types.add(InstitutionType.CITY_MATERNAL_CHILD);
        double[] weights = new double[types.size()];
        SplittableRandom random = Seeds.stream(options.seed(), "city-hospitals", prefecture.code());
        double weightSum = 0;
        for (int i = 0; i < types.size(); i++) {
            double base = switch (types.get(i).kind()) {
                case TCM -> 0.6;
                case MATERNAL_CHILD -> 0.45;
                default -> 1.0;
            };
            weights[i] = base * Draws.jitter(random, 0.25);
            weightSum += weights[i];
        }
        List<County> districts = prefecture.counties().stream().filter(c -> c.kind() == CountyKind.DISTRICT).toList();
        if (districts.isEmpty()) {
            districts = prefecture.counties().stream().filter(County::hasCountyHospitals).toList();
        }
        int totalBeds = CapacityPlan.beds(population, Level.CITY);
        int totalSlots = CapacityPlan.dailySlots(population, Level.CITY);
        int general = 0;
        for (int i = 0; i < types.size(); i++) {
            InstitutionType type = types.get(i);
            County district = districts.get(i % districts.size());
            String name = type == InstitutionType.CITY_GENERAL
                    ? InstitutionNames.cityGeneralHospital(prefecture.name(), general++)
                    : InstitutionNames.cityHospital(prefecture.name(), type);
            double share = weights[i] / weightSum;
            registry.addCity(prefecture.code(), factory.create(String.format("%sH%04d", district.code(), 101 + i), name, type,
                    district.code(), district.code(), prefecture.seat().near(random, 0.03), population,
                    (int) Math.round(totalBeds * share), (int) Math.round(totalSlots * share)));
        }
    }

    private void addCountyInstitutions(County county, InstitutionRegistry registry) {
        SplittableRandom random = Seeds.stream(options.seed(), "county-institutions", county.code());
        if (county.hasCountyHospitals()) {
            int beds = CapacityPlan.beds(county.population(), Level.COUNTY);
            int slots = CapacityPlan.dailySlots(county.population(), Level.COUNTY);
            InstitutionType[] types = {InstitutionType.COUNTY_GENERAL, InstitutionType.COUNTY_TCM, InstitutionType.COUNTY_MATERNAL_CHILD};
            double[] shares = {0.58, 0.27, 0.15};
            for (int i = 0; i < types.length; i++) {
                registry.addCounty(county.code(), factory.create(String.format("%sH%04d", county.code(), i + 1),
                        InstitutionNames.countyHospital(county.name(), types[i]), types[i], county.code(), county.code(),
                        county.seat().near(random, 0.01), county.population(),
                        (int) Math.round(beds * shares[i]), (int) Math.round(slots * shares[i])));
            }
        }
        for (Township township : county.townships()) {
            long population = township.population();
            InstitutionType type = township.street() ? InstitutionType.COMMUNITY_CENTRE : InstitutionType.TOWNSHIP_CENTRE;
            int beds = (int) Math.max(township.street() ? 0 : 10,
                    Math.round(CapacityPlan.beds(population, Level.TOWNSHIP) * Draws.jitter(random, 0.2)));
            registry.addTownshipCentre(township.code(), factory.create(
                    county.code() + "T0" + township.code().substring(6), InstitutionNames.townshipCentre(township.name(), township.street()),
                    type, township.code(), county.code(), township.location(), population, beds,
                    CapacityPlan.dailySlots(population, Level.TOWNSHIP)));
            addClinics(county, township, registry);
        }
    }

    private void addClinics(County county, Township township, InstitutionRegistry registry) {
        List<Village> villages = township.villages();
        int perClinic = options.villagesPerClinic();
        for (int from = 0; from < villages.size(); from += perClinic) {
            List<Village> served = villages.subList(from, Math.min(villages.size(), from + perClinic));
            Village first = served.get(0);
            long population = served.stream().mapToLong(Village::population).sum();
            InstitutionType type = first.community() ? InstitutionType.COMMUNITY_STATION : InstitutionType.VILLAGE_CLINIC;
            String name = first.community() ? InstitutionNames.communityStation(first.name()) : InstitutionNames.villageClinic(first.name());
            Institution clinic = factory.create(county.code() + "V" + first.code().substring(6), name, type, first.code(),
                    county.code(), first.location(), population, 0, CapacityPlan.dailySlots(population, Level.VILLAGE));
            registry.addClinic(served.stream().map(Village::code).toList(), clinic);
        }
    }

    private CareNetwork network(Geography geography, County county, InstitutionRegistry registry) {
        List<Village> villages = new ArrayList<>();
        List<Integer> townshipIndex = new ArrayList<>();
        Institution[] centres = new Institution[county.townships().size()];
        for (int t = 0; t < county.townships().size(); t++) {
            Township township = county.townships().get(t);
            centres[t] = registry.centreOf(township.code());
            for (Village village : township.villages()) {
                villages.add(village);
                townshipIndex.add(t);
            }
        }
        Institution[] clinics = new Institution[villages.size()];
        int[] townships = new int[villages.size()];
        for (int v = 0; v < villages.size(); v++) {
            clinics[v] = registry.clinicOf(villages.get(v).code());
            townships[v] = townshipIndex.get(v);
        }
        County hospitalCounty = county.hasCountyHospitals() ? county : nearest(county, geography, true);
        County neighbour = nearest(county, geography, false);
        Prefecture prefecture = geography.prefecture(county.prefectureCode());
        Prefecture otherCity = geography.prefectures().stream()
                .filter(p -> !p.code().equals(prefecture.code()))
                .min(Comparator.comparingDouble(p -> p.seat().kilometresTo(county.seat())))
                .orElseThrow();
        return new CareNetwork(county, clinics, townships, centres, registry.countyHospitals(hospitalCounty.code()),
                registry.countyHospitals(neighbour.code()).get(0), registry.cityHospitals(prefecture.code()),
                registry.cityHospitals(otherCity.code()), registry.provincial(),
                county.seat().kilometresTo(prefecture.seat()), county.seat().kilometresTo(geography.provincialCapital()));
    }

    /** The nearest other unit with county hospitals: in the same city for a zone, anywhere for out-of-county care. */
    private static County nearest(County county, Geography geography, boolean sameCity) {
        return geography.counties().stream()
                .filter(other -> !other.code().equals(county.code()) && other.hasCountyHospitals())
                .filter(other -> !sameCity || other.prefectureCode().equals(county.prefectureCode()))
                .min(Comparator.comparingDouble((County other) -> other.seat().kilometresTo(county.seat()))
                        .thenComparing(County::code))
                .orElseThrow();
    }

    private record ProvincialHospital(String name, InstitutionType type, double bedWeight) {
    }
}
