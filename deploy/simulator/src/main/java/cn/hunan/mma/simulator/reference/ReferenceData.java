package cn.hunan.mma.simulator.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real Hunan reference data the simulator is built from, bundled under {@code /reference}
 * (copies of {@code ../shared/data}; attribution in {@code reference/SOURCES.md}). Loaded once.
 */
public final class ReferenceData {

    private static volatile ReferenceData bundled;

    private final List<Division> divisions;
    private final Map<String, Division> divisionsByCode;
    private final List<Division> villages;
    private final Map<String, CountyCensus> census;
    private final Map<String, SeatCoordinates> seats;
    private final List<Icd10Entry> diagnoses;
    private final List<DrgGroup> drgGroups;
    private final List<String> procedureCodes;

    private ReferenceData(List<Division> divisions, List<Division> villages, Map<String, CountyCensus> census,
                          Map<String, SeatCoordinates> seats, List<Icd10Entry> diagnoses, List<DrgGroup> drgGroups,
                          List<String> procedureCodes) {
        this.divisions = List.copyOf(divisions);
        Map<String, Division> byCode = new HashMap<>();
        divisions.forEach(division -> byCode.put(division.code(), division));
        this.divisionsByCode = Collections.unmodifiableMap(byCode);
        this.villages = List.copyOf(villages);
        this.census = Collections.unmodifiableMap(census);
        this.seats = Collections.unmodifiableMap(seats);
        this.diagnoses = List.copyOf(diagnoses);
        this.drgGroups = List.copyOf(drgGroups);
        this.procedureCodes = List.copyOf(procedureCodes);
    }

    /** The bundled files, parsed on first use (about a second) and shared afterwards. */
    public static ReferenceData bundled() {
        ReferenceData data = bundled;
        if (data == null) {
            synchronized (ReferenceData.class) {
                data = bundled;
                if (data == null) {
                    data = load();
                    bundled = data;
                }
            }
        }
        return data;
    }

    private static ReferenceData load() {
        return new ReferenceData(
                readDivisions(),
                readVillages(),
                readCensus(),
                readSeats(),
                readDiagnoses(),
                readDrgGroups(),
                readProcedureCodes());
    }

    /** Province, prefectures, county-level units and townships, in file (code) order. */
    public List<Division> divisions() {
        return divisions;
    }

    public Optional<Division> division(String code) {
        return Optional.ofNullable(divisionsByCode.get(code));
    }

    /** Villages and urban communities, in code order. */
    public List<Division> villages() {
        return villages;
    }

    /** 2020 census per current county-level code; sums to the official provincial total. */
    public Map<String, CountyCensus> census() {
        return census;
    }

    public Optional<SeatCoordinates> seat(String code) {
        return Optional.ofNullable(seats.get(code));
    }

    /** Diagnoses that may be principal (not gray-listed), in code order. */
    public List<Icd10Entry> diagnoses() {
        return diagnoses;
    }

    /** DRG groups that have a relative weight, in file order. */
    public List<DrgGroup> drgGroups() {
        return drgGroups;
    }

    /** ICD-9-CM-3 insurance edition 2.0 codes, in file order. */
    public List<String> procedureCodes() {
        return procedureCodes;
    }

    private static List<Division> readDivisions() {
        CsvTable table = CsvTable.load("/reference/hunan_divisions.csv");
        int code = table.column("code");
        int name = table.column("name");
        int level = table.column("level");
        int parent = table.column("parent_code");
        int formal = table.column("formal_division");
        List<Division> divisions = new ArrayList<>();
        for (String[] row : table.rows()) {
            divisions.add(new Division(row[code], row[name], DivisionLevel.of(row[level]), row[parent], "Y".equals(row[formal])));
        }
        return divisions;
    }

    private static List<Division> readVillages() {
        CsvTable table = CsvTable.load("/reference/hunan_villages.csv");
        int code = table.column("code");
        int name = table.column("name");
        int parent = table.column("parent_code");
        List<Division> villages = new ArrayList<>();
        for (String[] row : table.rows()) {
            villages.add(new Division(row[code], row[name], DivisionLevel.VILLAGE, row[parent], true));
        }
        return villages;
    }

    /**
     * Maps 2020 units to current codes. Three 2020 functional zones have no current successor in
     * the file (云龙示范区, 衡阳综合保税区, 金洞管理区); their residents are spread over their
     * prefecture's other units in proportion to population, so the provincial total stays exact.
     */
    private static Map<String, CountyCensus> readCensus() {
        CsvTable table = CsvTable.load("/reference/hunan_county_population_2020.csv");
        int code2020 = table.column("code_2020");
        int codeNow = table.column("code_current");
        int nameNow = table.column("name_current");
        int population = table.column("pop_2020");
        int urban = table.column("urban_share");
        int[] ageColumns = new int[AgeBand.count()];
        for (AgeBand band : AgeBand.values()) {
            ageColumns[band.ordinal()] = table.column(band.censusColumn());
        }
        Map<String, CountyCensus> units = new LinkedHashMap<>();
        Map<String, Long> orphansByPrefecture = new HashMap<>();
        for (String[] row : table.rows()) {
            long residents = Long.parseLong(row[population]);
            if (row[codeNow].isEmpty()) {
                orphansByPrefecture.merge(row[code2020].substring(0, 4) + "00", residents, Long::sum);
                continue;
            }
            double[] shares = new double[AgeBand.count()];
            double sum = 0;
            for (int i = 0; i < shares.length; i++) {
                shares[i] = Double.parseDouble(row[ageColumns[i]]);
                sum += shares[i];
            }
            for (int i = 0; i < shares.length; i++) {
                shares[i] /= sum;
            }
            units.put(row[codeNow], new CountyCensus(row[codeNow], row[nameNow], residents, Double.parseDouble(row[urban]), shares));
        }
        orphansByPrefecture.forEach((prefecture, orphans) -> spread(units, prefecture, orphans));
        return units;
    }

    private static void spread(Map<String, CountyCensus> units, String prefecture, long residents) {
        List<CountyCensus> receivers = units.values().stream()
                .filter(unit -> unit.code().startsWith(prefecture.substring(0, 4)))
                .toList();
        long base = receivers.stream().mapToLong(CountyCensus::population).sum();
        long given = 0;
        for (int i = 0; i < receivers.size(); i++) {
            CountyCensus unit = receivers.get(i);
            long share = i == receivers.size() - 1 ? residents - given : residents * unit.population() / base;
            given += share;
            units.put(unit.code(), new CountyCensus(unit.code(), unit.name(), unit.population() + share,
                    unit.urbanShare(), unit.ageBandShares()));
        }
    }

    private static Map<String, SeatCoordinates> readSeats() {
        CsvTable table = CsvTable.load("/reference/hunan_county_coords.csv");
        int code = table.column("code");
        int lat = table.column("lat");
        int lng = table.column("lng");
        Map<String, SeatCoordinates> seats = new HashMap<>();
        for (String[] row : table.rows()) {
            if (!row[lat].isEmpty() && !row[lng].isEmpty()) {
                seats.put(row[code], new SeatCoordinates(row[code], Double.parseDouble(row[lat]), Double.parseDouble(row[lng])));
            }
        }
        return seats;
    }

    private static List<Icd10Entry> readDiagnoses() {
        CsvTable table = CsvTable.load("/reference/icd10_cn_yibao_v2.csv");
        int code = table.column("code");
        int name = table.column("name");
        int gray = table.column("gray_code");
        List<Icd10Entry> entries = new ArrayList<>();
        for (String[] row : table.rows()) {
            if (!"Y".equals(row[gray])) {
                entries.add(new Icd10Entry(row[code], row[name], row[code].substring(0, 3)));
            }
        }
        return entries;
    }

    private static List<DrgGroup> readDrgGroups() {
        CsvTable table = CsvTable.load("/reference/chs_drg_changsha_2023.csv");
        int code = table.column("drg_code");
        int name = table.column("drg_name");
        int weight = table.column("relative_weight");
        int adrg = table.column("adrg_code");
        List<DrgGroup> groups = new ArrayList<>();
        for (String[] row : table.rows()) {
            if (!row[weight].isEmpty()) {
                groups.add(new DrgGroup(row[code], row[name], new BigDecimal(row[weight]), row[adrg]));
            }
        }
        return groups;
    }

    private static List<String> readProcedureCodes() {
        CsvTable table = CsvTable.load("/reference/icd9cm3_cn_yibao_v2.csv");
        int code = table.column("code");
        List<String> codes = new ArrayList<>(table.rows().size());
        for (String[] row : table.rows()) {
            codes.add(row[code]);
        }
        return codes;
    }
}
