package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Icd9Cm3Code;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An area's DIP catalogue (病种分值目录): the disease groups it pays, each with its score and mean cost.
 * Real Hunan catalogues are not public, so areas load their own with a parameter version.
 *
 * <p>A discharge finds its group by its principal diagnosis and principal procedure, most specific
 * first, as DIP's core and comprehensive groups (核心病种, 综合病种) are built:
 * <ol>
 *   <li>{@code I63.9+99.1000} — the diagnosis's ICD-10 subcategory (亚目) with the principal procedure:
 *       an operative core group;</li>
 *   <li>{@code I63.9} — the subcategory alone: a conservative-treatment core group (and an operated case
 *       whose procedure has no group of its own with that diagnosis);</li>
 *   <li>{@code I63} — the ICD-10 category (类目): the comprehensive group that takes the rest.</li>
 * </ol>
 * A discharge with none of the three cannot be priced by this catalogue.
 */
public final class DipCatalogue {

    public static final DipCatalogue EMPTY = new DipCatalogue(List.of());

    private final List<DipGroup> groups;
    private final Map<String, DipGroup> byCode = new HashMap<>();

    public DipCatalogue(List<DipGroup> groups) {
        this.groups = List.copyOf(groups);
        for (DipGroup group : this.groups) {
            if (byCode.put(group.code(), group) != null) {
                throw new IllegalArgumentException("the DIP group " + group.code() + " is listed twice");
            }
        }
    }

    public List<DipGroup> groups() {
        return groups;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    public Optional<DipGroup> groupOf(Icd10Code principalDiagnosis, List<Icd9Cm3Code> procedures) {
        String subcategory = subcategory(principalDiagnosis);
        if (!procedures.isEmpty()) {
            DipGroup operative = byCode.get(subcategory + "+" + procedures.get(0).value());
            if (operative != null) {
                return Optional.of(operative);
            }
        }
        DipGroup conservative = byCode.get(subcategory);
        return conservative != null ? Optional.of(conservative)
                : Optional.ofNullable(byCode.get(principalDiagnosis.value().substring(0, 3)));
    }

    /**
     * The subcategory (亚目): the category and the first digit after the point, {@code I63.900} → {@code I63.9};
     * a code without one ({@code I10}, {@code I10.x00}) is its category.
     */
    static String subcategory(Icd10Code diagnosis) {
        String code = diagnosis.value();
        return code.length() > 4 && Character.isDigit(code.charAt(4)) ? code.substring(0, 5) : code.substring(0, 3);
    }
}
