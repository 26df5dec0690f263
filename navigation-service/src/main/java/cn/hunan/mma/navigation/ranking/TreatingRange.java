package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.Icd10Code;

/**
 * The registry's diagnosis → department mapping: the department treating diagnoses whose
 * 3-character ICD-10 category lies between {@code fromCategory} and {@code toCategory} inclusive
 * (e.g. I60–I69 → neurology).
 */
public record TreatingRange(String fromCategory, String toCategory, DepartmentId department) {

    public TreatingRange {
        if (fromCategory.length() != 3 || toCategory.length() != 3 || fromCategory.compareTo(toCategory) > 0) {
            throw new IllegalArgumentException("a range runs from one 3-character ICD-10 category to a later one");
        }
    }

    public boolean covers(Icd10Code diagnosis) {
        String category = diagnosis.value().substring(0, 3);
        return category.compareTo(fromCategory) >= 0 && category.compareTo(toCategory) <= 0;
    }
}
