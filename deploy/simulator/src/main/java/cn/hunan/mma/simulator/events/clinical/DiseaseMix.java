package cn.hunan.mma.simulator.events.clinical;

import cn.hunan.mma.simulator.matrix.GuidanceCatalogue;
import cn.hunan.mma.simulator.matrix.ServiceLine;
import cn.hunan.mma.simulator.random.AliasTable;
import cn.hunan.mma.simulator.reference.AgeBand;
import cn.hunan.mma.simulator.reference.Icd10Entry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws diagnoses from the real ICD-10 insurance-edition codes (gray-listed codes excluded, as
 * they may not be principal diagnoses): first a group by age and setting, then a category (common
 * ones 20 times as likely), then a code within it (plain codes 4 times as likely as local
 * extensions). Built once per run; drawing allocates nothing. Thread-safe.
 */
public final class DiseaseMix {

    private static final int INFANT = 0;
    private static final int CHILD = 1;
    private static final int ADULT = 2;
    private static final int ELDERLY = 3;
    private static final DiagnosisGroup[] GROUPS = DiagnosisGroup.values();

    private final Codes[] codes = new Codes[GROUPS.length];
    private final AliasTable[] outpatientGroups = new AliasTable[4];
    private final AliasTable[] inpatientGroups = new AliasTable[4];

    public DiseaseMix(List<Icd10Entry> diagnoses, GuidanceCatalogue catalogue) {
        Map<DiagnosisGroup, List<Icd10Entry>> byGroup = new EnumMap<>(DiagnosisGroup.class);
        for (Icd10Entry entry : diagnoses) {
            for (DiagnosisGroup group : GROUPS) {
                if (group.covers(entry.category()) && catalogue.covers(entry.category())) {
                    byGroup.computeIfAbsent(group, key -> new ArrayList<>()).add(entry);
                    break;
                }
            }
        }
        for (DiagnosisGroup group : GROUPS) {
            List<Icd10Entry> entries = byGroup.get(group);
            if (entries == null) {
                throw new IllegalStateException("no ICD-10 codes for " + group);
            }
            codes[group.ordinal()] = new Codes(group, entries, catalogue);
        }
        for (int age = INFANT; age <= ELDERLY; age++) {
            outpatientGroups[age] = groupTable(age, true);
            inpatientGroups[age] = groupTable(age, false);
        }
    }

    public Diagnosis outpatient(int band, boolean female, SplittableRandom random) {
        return draw(outpatientGroups[ageGroup(band)], band, female, random);
    }

    public Diagnosis inpatient(int band, boolean female, SplittableRandom random) {
        return draw(inpatientGroups[ageGroup(band)], band, female, random);
    }

    /** A diagnosis of one group, e.g. hypertension for a hypertensive patient's routine visit. */
    public Diagnosis of(DiagnosisGroup group, SplittableRandom random) {
        return codes[group.ordinal()].draw(random);
    }

    private Diagnosis draw(AliasTable groups, int band, boolean female, SplittableRandom random) {
        for (int attempt = 0; attempt < 4; attempt++) {
            DiagnosisGroup group = GROUPS[groups.draw(random)];
            if (fits(group, band, female)) {
                return codes[group.ordinal()].draw(random);
            }
        }
        return codes[DiagnosisGroup.SYMPTOMS.ordinal()].draw(random);
    }

    private static boolean fits(DiagnosisGroup group, int band, boolean female) {
        if (group == DiagnosisGroup.PREGNANCY) {
            return female && band >= AgeBand.AGE_15_19.ordinal() && band <= AgeBand.AGE_45_49.ordinal();
        }
        return (!group.femaleOnly() || female) && (!group.maleOnly() || !female);
    }

    private static int ageGroup(int band) {
        AgeBand age = AgeBand.of(band);
        if (age == AgeBand.AGE_0) {
            return INFANT;
        }
        if (age.isChild()) {
            return CHILD;
        }
        return age.isElderly() ? ELDERLY : ADULT;
    }

    private static AliasTable groupTable(int age, boolean outpatient) {
        double[] weights = new double[GROUPS.length];
        for (DiagnosisGroup group : GROUPS) {
            int column = age == INFANT || age == CHILD ? 0 : age == ADULT ? 1 : 2;
            double weight = outpatient ? group.outpatientWeight(column) : group.inpatientWeight(column);
            if (group == DiagnosisGroup.PERINATAL) {
                // Perinatal conditions are an infant's; older children do not have them.
                weight = age == INFANT ? weight * (outpatient ? 4 : 3) : 0;
            }
            weights[group.ordinal()] = weight;
        }
        return new AliasTable(weights);
    }

    /** The codes of one group with their draw weights. */
    private static final class Codes {
        private final Diagnosis[] diagnoses;
        private final AliasTable table;

        Codes(DiagnosisGroup group, List<Icd10Entry> entries, GuidanceCatalogue catalogue) {
            Map<String, Double> codeWeightPerCategory = new HashMap<>();
            for (Icd10Entry entry : entries) {
                codeWeightPerCategory.merge(entry.category(), codeWeight(entry.code()), Double::sum);
            }
            diagnoses = new Diagnosis[entries.size()];
            double[] weights = new double[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                Icd10Entry entry = entries.get(i);
                String category = entry.category();
                double categoryWeight = group.isCommon(category) ? 20 : 1;
                weights[i] = categoryWeight * codeWeight(entry.code()) / codeWeightPerCategory.get(category);
                diagnoses[i] = new Diagnosis(entry.code(), category, group, lineOf(group, category),
                        MajorDiagnosticCategories.of(category), catalogue.lowestInpatientLevel(category),
                        catalogue.isPrimaryLevelDisease(category));
            }
            table = new AliasTable(weights);
        }

        Diagnosis draw(SplittableRandom random) {
            return diagnoses[table.draw(random)];
        }

        private static double codeWeight(String code) {
            return code.indexOf('x', 4) < 0 ? 4 : 1;
        }

        private static ServiceLine lineOf(DiagnosisGroup group, String category) {
            if (category.equals("S06")) {
                return ServiceLine.NEUROSURGERY;
            }
            if (category.compareTo("N20") >= 0 && category.compareTo("N23") <= 0) {
                return ServiceLine.UROLOGY;
            }
            if (category.compareTo("C81") >= 0 && category.compareTo("C96") <= 0) {
                return ServiceLine.HEMATOLOGY;
            }
            return group.line();
        }
    }
}
