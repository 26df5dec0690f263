package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.care.CareEvent;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.support.SupportMetricsReported;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Basis;
import cn.hunan.mma.scoring.domain.Condition;
import cn.hunan.mma.scoring.domain.EventFields;
import cn.hunan.mma.scoring.domain.MeasureDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What one counted record adds to which scopes (the oracle's attribution rules): by TREATMENT the
 * reporting institution (a referral's sender), every alliance listing it as a member, and its
 * county, city and province; by RESIDENCE the patient's county, city and province and every
 * alliance covering the residence. Records of institutions missing from the matrix do not get here: {@link MatrixGate}
 * dead-letters them (a matrix change between the gate and this step would still leave one counting nowhere).
 */
final class Attribution {

    /** Which amount vector a scope takes from one basis: none, the "treated inside" one or the "treated outside" one. */
    private static final byte NONE = 0;
    private static final byte INSIDE = 1;
    private static final byte OUTSIDE = 2;

    private final List<MeasureDefinition> measures;
    /**
     * Event type → the measures counting it, compiled: most measures concern one or two types, and their field
     * getters are resolved here once instead of being looked up by name for every event and condition.
     */
    private final Map<String, CountingMeasure[]> measuresByType = new HashMap<>();

    /**
     * One measure as it counts one event type.
     *
     * @param conditions  its conditions on the record (all but {@code treatedInScope})
     * @param getters     per condition, the record's field (null: the treating institution's level)
     * @param amount      the summed field, or null when the measure counts events
     * @param inScope     whether it counts in a scope where the place of treatment lies inside the scope
     * @param outOfScope  … outside the scope
     */
    private record CountingMeasure(int index, boolean residence, Condition[] conditions,
                                   List<Function<ContractRecord, String>> getters, ToLongFunction<ContractRecord> amount,
                                   boolean inScope, boolean outOfScope) {

        boolean accepts(ContractRecord record, InstitutionSnapshot institution) {
            for (int i = 0; i < conditions.length; i++) {
                Function<ContractRecord, String> getter = getters.get(i);
                String value = getter == null ? institution.level().name() : getter.apply(record);
                if (!conditions[i].acceptsValue(value)) {
                    return false;
                }
            }
            return true;
        }

        long amountOf(ContractRecord record) {
            return amount == null ? 1 : amount.applyAsLong(record);
        }
    }

    Attribution(List<MeasureDefinition> measures) {
        this.measures = measures;
        Map<String, List<CountingMeasure>> byType = new HashMap<>();
        for (int index = 0; index < measures.size(); index++) {
            MeasureDefinition measure = measures.get(index);
            for (String type : measure.eventTypes()) {
                byType.computeIfAbsent(type, key -> new ArrayList<>()).add(compile(index, measure, type));
            }
        }
        byType.forEach((type, compiled) -> measuresByType.put(type, compiled.toArray(CountingMeasure[]::new)));
    }

    private static CountingMeasure compile(int index, MeasureDefinition measure, String type) {
        Condition[] conditions = measure.where().stream()
                .filter(condition -> !EventFields.TREATED_IN_SCOPE.equals(condition.field())).toArray(Condition[]::new);
        List<Function<ContractRecord, String>> getters = new ArrayList<>(conditions.length);
        for (Condition condition : conditions) {
            getters.add(EventFields.INSTITUTION_LEVEL.equals(condition.field()) ? null : textGetter(type, condition.field()));
        }
        ToLongFunction<ContractRecord> amount = measure.counts() ? null : amountGetter(measure, type);
        return new CountingMeasure(index, measure.basis() == Basis.RESIDENCE, conditions, getters, amount,
                meetsScopeConditions(measure, true), meetsScopeConditions(measure, false));
    }

    /** A field the type does not have never holds an accepted value (the validator rejects such rule sets anyway). */
    private static Function<ContractRecord, String> textGetter(String type, String field) {
        Function<ContractRecord, String> getter = EventFields.textGetter(type, field);
        return getter == null ? record -> null : getter;
    }

    private static ToLongFunction<ContractRecord> amountGetter(MeasureDefinition measure, String type) {
        ToLongFunction<ContractRecord> getter = EventFields.amountGetter(type, measure.sumOf());
        if (getter != null) {
            return getter;
        }
        return record -> {
            throw new IllegalStateException("measure " + measure.id() + " sums " + measure.sumOf() + ", which " + type + " does not have");
        };
    }

    /** The counting measures, by the position {@link Contribution} refers to them with. */
    List<MeasureDefinition> measures() {
        return measures;
    }

    /**
     * The institution a record the rule set would count names, when the matrix does not hold it ({@link MatrixGate}
     * dead-letters such records); empty for a known institution or a record nothing counts.
     */
    Optional<InstitutionId> unknownInstitution(ContractRecord record, MatrixView matrix) {
        InstitutionId institutionId = measuresByType.containsKey(EventTypes.nameOf(record)) ? treatingInstitution(record) : null;
        return institutionId == null || matrix.institution(institutionId).isPresent() ? Optional.empty() : Optional.of(institutionId);
    }

    /** What the record adds, or null when it counts nowhere (no measure, or an institution missing from the matrix). */
    Contribution contribution(ContractRecord record, MatrixView matrix) {
        CountingMeasure[] candidates = measuresByType.get(EventTypes.nameOf(record));
        InstitutionId institutionId = candidates == null ? null : treatingInstitution(record);
        if (institutionId == null) {
            return null;
        }
        InstitutionSnapshot institution = matrix.institution(institutionId).orElse(null);
        if (institution == null) {
            return null;
        }
        // Every scope of one basis gets one of two vectors (place of treatment inside or outside the scope), so
        // the amounts are added up once per basis and side, not once per scope: [basis × 2 + side − 1], null = untouched.
        long[][] vectors = new long[4][];
        boolean byTreatment = false;
        boolean byResidence = false;
        for (CountingMeasure measure : candidates) {
            if (!measure.accepts(record, institution)) {
                continue;
            }
            long amount = measure.amountOf(record);
            if (amount == 0) {
                continue;
            }
            int basis = measure.residence() ? 2 : 0;
            byTreatment |= !measure.residence();
            byResidence |= measure.residence();
            if (measure.inScope()) {
                add(vectors, basis + INSIDE - 1, measure.index(), amount);
            }
            if (measure.outOfScope()) {
                add(vectors, basis + OUTSIDE - 1, measure.index(), amount);
            }
        }
        if (!byTreatment && !byResidence) {
            return null;
        }
        Scopes treatment = byTreatment ? treatmentScopes(institution, matrix) : null;
        Scopes residence = byResidence
                ? residenceScopes(((CareEvent) record).residenceDivision(), institution, matrix) : null;
        List<Contribution.ScopeAmounts> scopes = merge(treatment, residence, vectors);
        if (scopes.isEmpty()) {
            return null;
        }
        return new Contribution(record.eventId().value(), record.occurredAt().toEpochMilli(), monthOf(record).toString(), scopes);
    }

    /**
     * The month a record counts in: the month it happened in, except for a support report, which states the figures of
     * a period it names and is sent after it (a month's on the 5th of the next, a village clinic's half year on 5 January
     * and 5 July): it counts in the last month of that period, so the period's totals hold it. Before 2026-11-25 (4) it
     * counted in the month it was sent, and a clinic's H1 report made H2 — and left H1 with no support figures at all
     * (helper-68). A report sent before its period's end counts in the month it was sent; one sent after its period's
     * last month has closed (end + grace) is late, as any late event is.
     */
    static Period monthOf(ContractRecord record) {
        Period happened = Period.containing(record.occurredAt(), Period.Kind.MONTH);
        if (record instanceof SupportMetricsReported report) {
            Period period = report.period();
            Period last = switch (period.kind()) {
                case MONTH -> period;
                case HALF_YEAR -> Period.month(period.year(), period.index() * 6);
                case YEAR -> Period.month(period.year(), 12);
            };
            // Never later than the month it was sent in: the ledger looks for a record's duplicates and corrections in
            // the months up to its clock, which the report's own time drives (a year's report sent in November counts
            // in November; helper-69). The contract refuses a period not begun by then.
            return last.start().isAfter(happened.start()) ? happened : last;
        }
        return happened;
    }

    private void add(long[][] vectors, int vector, int measure, long amount) {
        if (vectors[vector] == null) {
            vectors[vector] = new long[measures.size()];
        }
        vectors[vector][measure] += amount;
    }

    /**
     * The scopes that receive something, treatment scopes first, in the order of the scope lists; a scope of both
     * bases (the county of a patient treated near home) is one entry with the sum. Scopes taking the same vectors
     * share one sparse copy of them.
     */
    private static List<Contribution.ScopeAmounts> merge(Scopes treatment, Scopes residence, long[][] vectors) {
        int treatmentCount = treatment == null ? 0 : treatment.keys().length;
        int residenceCount = residence == null ? 0 : residence.keys().length;
        String[] keys = new String[treatmentCount + residenceCount];
        byte[] treatmentSide = new byte[keys.length];
        byte[] residenceSide = new byte[keys.length];
        int[] entryOfTreatmentScope = new int[treatmentCount];
        int count = 0;
        for (int scope = 0; scope < treatmentCount; scope++) {
            byte side = treatment.treatedInScope()[scope] ? INSIDE : OUTSIDE;
            entryOfTreatmentScope[scope] = -1;
            if (vectors[side - 1] != null) {
                entryOfTreatmentScope[scope] = count;
                keys[count] = treatment.keys()[scope];
                treatmentSide[count++] = side;
            }
        }
        for (int scope = 0; scope < residenceCount; scope++) {
            byte side = residence.treatedInScope()[scope] ? INSIDE : OUTSIDE;
            if (vectors[2 + side - 1] == null) {
                continue;
            }
            Integer same = treatment == null ? null : treatment.positions().get(residence.keys()[scope]);
            int entry = same == null ? -1 : entryOfTreatmentScope[same];
            if (entry < 0) {
                entry = count++;
                keys[entry] = residence.keys()[scope];
            }
            residenceSide[entry] = side;
        }
        Contribution.ScopeAmounts[] shared = new Contribution.ScopeAmounts[9];
        List<Contribution.ScopeAmounts> scopes = new ArrayList<>(count);
        for (int entry = 0; entry < count; entry++) {
            int combination = treatmentSide[entry] * 3 + residenceSide[entry];
            if (shared[combination] == null) {
                shared[combination] = sparse(null, treatmentSide[entry] == NONE ? null : vectors[treatmentSide[entry] - 1],
                        residenceSide[entry] == NONE ? null : vectors[2 + residenceSide[entry] - 1]);
            }
            scopes.add(new Contribution.ScopeAmounts(keys[entry], shared[combination].measures(), shared[combination].amounts()));
        }
        return scopes;
    }

    /**
     * The scope keys of one basis, with "is the place of treatment inside this scope" for each, and each key's
     * position (to find a residence scope among the treatment scopes without building a map per event).
     */
    record Scopes(String[] keys, boolean[] treatedInScope, Map<String, Integer> positions) {
    }

    private static Scopes treatmentScopes(InstitutionSnapshot institution, MatrixView matrix) {
        return matrix.remembered(institution.institutionId(), () -> {
            return scopesOf(treatmentScopeMap(institution, matrix), institution.divisionCode());
        });
    }

    private static Scopes residenceScopes(DivisionCode residence, InstitutionSnapshot institution, MatrixView matrix) {
        // Keyed by the place's division, not the institution: (residence × institution) pairs would be far more entries.
        return matrix.remembered(List.of(residence, institution.divisionCode()), () ->
                scopesOf(residenceScopeMap(residence, matrix), institution.divisionCode()));
    }

    private static Scopes scopesOf(Map<String, Predicate<DivisionCode>> scopes, DivisionCode place) {
        String[] keys = scopes.keySet().toArray(String[]::new);
        boolean[] inside = new boolean[keys.length];
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            inside[i] = scopes.get(keys[i]).test(place);
            positions.put(keys[i], i);
        }
        return new Scopes(keys, inside, positions);
    }

    /** The non-zero amounts of one or two dense vectors added up. */
    private static Contribution.ScopeAmounts sparse(String scope, long[] first, long[] second) {
        long[] dense = first == null ? second : first;
        if (first != null && second != null) {
            dense = first.clone();
            for (int i = 0; i < dense.length; i++) {
                dense[i] += second[i];
            }
        }
        int size = 0;
        for (long amount : dense) {
            size += amount == 0 ? 0 : 1;
        }
        int[] measures = new int[size];
        long[] amounts = new long[size];
        int next = 0;
        for (int index = 0; index < dense.length; index++) {
            if (dense[index] != 0) {
                measures[next] = index;
                amounts[next++] = dense[index];
            }
        }
        return new Contribution.ScopeAmounts(scope, measures, amounts);
    }

    private static InstitutionId treatingInstitution(ContractRecord record) {
        if (record instanceof HospitalReport report) {
            return report.institutionId();
        }
        // Referrals count for the sender; later lifecycle events carry no measures of their own.
        return record instanceof ReferralRequested request ? request.sender().institutionId() : null;
    }

    private static boolean meetsScopeConditions(MeasureDefinition measure, boolean treatedInScope) {
        return measure.where().stream()
                .filter(condition -> EventFields.TREATED_IN_SCOPE.equals(condition.field()))
                .allMatch(condition -> condition.acceptsValue(String.valueOf(treatedInScope)));
    }

    /** Scope key → "is a place of treatment inside this scope": all of them, by treatment. */
    private static Map<String, Predicate<DivisionCode>> treatmentScopeMap(InstitutionSnapshot institution, MatrixView matrix) {
        Map<String, Predicate<DivisionCode>> scopes = new LinkedHashMap<>();
        scopes.put("INSTITUTION:" + institution.institutionId().value(), place -> true);
        for (AllianceSnapshot alliance : matrix.alliancesWithMember(institution.institutionId())) {
            scopes.put("ALLIANCE:" + alliance.allianceId().value(), place -> true);
        }
        areas(institution.divisionCode(), scopes);
        return scopes;
    }

    private static Map<String, Predicate<DivisionCode>> residenceScopeMap(DivisionCode residence, MatrixView matrix) {
        Map<String, Predicate<DivisionCode>> scopes = new LinkedHashMap<>();
        areas(residence, scopes);
        for (AllianceSnapshot alliance : matrix.alliancesCovering(residence)) {
            scopes.put("ALLIANCE:" + alliance.allianceId().value(), place -> MatrixView.covers(alliance, place));
        }
        return scopes;
    }

    /** County (when the code is one, or finer), city and province, each with its "inside" test. */
    private static void areas(DivisionCode division, Map<String, Predicate<DivisionCode>> scopes) {
        DivisionCode.Granularity granularity = division.granularity();
        if (granularity != DivisionCode.Granularity.PROVINCE && granularity != DivisionCode.Granularity.PREFECTURE) {
            DivisionCode county = division.countyCode();
            scopes.put("COUNTY:" + county.value(), place -> place.isWithin(county));
        }
        if (granularity != DivisionCode.Granularity.PROVINCE) {
            DivisionCode city = division.cityCode();
            scopes.put("CITY:" + city.value(), place -> place.isWithin(city));
        }
        DivisionCode province = division.provinceCode();
        scopes.put("PROVINCE:" + province.value(), place -> place.isWithin(province));
    }
}
