package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.reference.Icd10Entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SYNTHETIC inpatient guidance catalogue (住院病种引导目录): for every ICD-10 category of the
 * real insurance-edition list (external causes V–Y excluded), the lowest level that should admit
 * it, and whether it is a primary-level disease (基层病种). The real provincial catalogue is not
 * public; these rules only give the platform a plausible default that operators replace.
 *
 * <p>Rules are ranges of three-character categories, most specific first; the first that covers a
 * category decides. Categories no rule covers fall back to COUNTY.
 */
public final class GuidanceCatalogue {

    /** Written into every entry's {@code catalogueVersion}, so nobody mistakes it for the real one. */
    public static final String VERSION = "synthetic-2025.1";

    private static final List<Rule> RULES = List.of(
            // 基层病种: common chronic and acute conditions treated at every level, paid the same.
            primary("I10", "I11"), primary("I25", "I25"), primary("I69", "I69"), primary("E11", "E11"),
            primary("E14", "E14"), primary("E78", "E78"), primary("J00", "J06"), primary("J20", "J22"),
            primary("J40", "J44"), primary("K21", "K21"), primary("K29", "K30"), primary("K59", "K59"),
            primary("A09", "A09"), primary("N30", "N30"), primary("N39", "N39"), primary("M17", "M17"),
            primary("M47", "M47"), primary("M54", "M54"), primary("L01", "L03"), primary("H10", "H10"),
            primary("B01", "B02"), primary("O80", "O80"),
            // Province: rare, highly specialised or needing tertiary teams.
            rule("C81", "C96", Level.PROVINCE), rule("C71", "C71", Level.PROVINCE), rule("D61", "D61", Level.PROVINCE),
            rule("G12", "G12", Level.PROVINCE), rule("G35", "G35", Level.PROVINCE), rule("G70", "G70", Level.PROVINCE),
            rule("I71", "I71", Level.PROVINCE), rule("Q20", "Q28", Level.PROVINCE), rule("T86", "T86", Level.PROVINCE),
            // City: cancers, complex cardiac and renal disease, serious burns and head injuries.
            rule("C00", "C97", Level.CITY), rule("D37", "D48", Level.CITY), rule("D69", "D69", Level.CITY),
            rule("F20", "F29", Level.CITY), rule("H33", "H33", Level.CITY), rule("I05", "I09", Level.CITY),
            rule("I34", "I37", Level.CITY), rule("I42", "I42", Level.CITY), rule("I60", "I62", Level.CITY),
            rule("J84", "J84", Level.CITY), rule("K74", "K74", Level.CITY), rule("M32", "M32", Level.CITY),
            rule("N04", "N04", Level.CITY), rule("N18", "N18", Level.CITY), rule("P07", "P07", Level.CITY),
            rule("Q00", "Q99", Level.CITY), rule("S06", "S06", Level.CITY), rule("T20", "T32", Level.CITY),
            // Township: uncomplicated acute conditions and minor injuries.
            rule("J12", "J18", Level.TOWNSHIP), rule("K40", "K46", Level.TOWNSHIP), rule("L00", "L08", Level.TOWNSHIP),
            rule("R00", "R99", Level.TOWNSHIP), rule("Z00", "Z99", Level.TOWNSHIP),
            rule("S00", "S00", Level.TOWNSHIP), rule("S10", "S10", Level.TOWNSHIP), rule("S20", "S20", Level.TOWNSHIP),
            rule("S30", "S30", Level.TOWNSHIP), rule("S40", "S40", Level.TOWNSHIP), rule("S50", "S50", Level.TOWNSHIP),
            rule("S60", "S60", Level.TOWNSHIP), rule("S70", "S70", Level.TOWNSHIP), rule("S80", "S80", Level.TOWNSHIP),
            rule("S90", "S90", Level.TOWNSHIP));

    private final Map<String, Entry> entries;

    private GuidanceCatalogue(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** One entry per category of the diagnoses given (V–Y external causes and U excluded). */
    public static GuidanceCatalogue from(List<Icd10Entry> diagnoses) {
        Map<String, String> names = new TreeMap<>();
        for (Icd10Entry diagnosis : diagnoses) {
            char chapter = diagnosis.category().charAt(0);
            if (chapter < 'U' || chapter == 'Z') {
                names.putIfAbsent(diagnosis.category(), diagnosis.name());
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        names.forEach((category, name) -> entries.put(category, classify(category, name)));
        return new GuidanceCatalogue(entries);
    }

    private static Entry classify(String category, String name) {
        for (Rule rule : RULES) {
            if (category.compareTo(rule.from) >= 0 && category.compareTo(rule.to) <= 0) {
                return new Entry(category, name, rule.level, rule.primary);
            }
        }
        return new Entry(category, name, Level.COUNTY, false);
    }

    /** Entries in category order. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The lowest inpatient level of a category; COUNTY for a category outside the catalogue. */
    public Level lowestInpatientLevel(String category) {
        Entry entry = entries.get(category);
        return entry == null ? Level.COUNTY : entry.lowestInpatientLevel();
    }

    public boolean isPrimaryLevelDisease(String category) {
        Entry entry = entries.get(category);
        return entry != null && entry.primaryLevelDisease();
    }

    public boolean covers(String category) {
        return entries.containsKey(category);
    }

    /**
     * @param name the first name the ICD list gives under the category (for people reading the CSV)
     */
    public record Entry(String category, String name, Level lowestInpatientLevel, boolean primaryLevelDisease) {
    }

    private record Rule(String from, String to, Level level, boolean primary) {
    }

    private static Rule primary(String from, String to) {
        return new Rule(from, to, Level.TOWNSHIP, true);
    }

    private static Rule rule(String from, String to, Level level) {
        return new Rule(from, to, level, false);
    }
}
