package cn.hunan.mma.simulator.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hunan's divisions down to villages, each with its residents and location. */
public final class Geography {

    /** 长沙市: the provincial capital, where the provincial hospitals are. */
    public static final String CAPITAL_PREFECTURE = "430100";

    private final GeoPoint provincialCapital;
    private final List<Prefecture> prefectures;
    private final Map<String, County> countiesByCode;

    Geography(GeoPoint provincialCapital, List<Prefecture> prefectures) {
        this.provincialCapital = provincialCapital;
        this.prefectures = List.copyOf(prefectures);
        Map<String, County> counties = new LinkedHashMap<>();
        for (Prefecture prefecture : prefectures) {
            for (County county : prefecture.counties()) {
                counties.put(county.code(), county);
            }
        }
        this.countiesByCode = Collections.unmodifiableMap(counties);
    }

    /** Changsha's seat, where the provincial hospitals are. */
    public GeoPoint provincialCapital() {
        return provincialCapital;
    }

    public List<Prefecture> prefectures() {
        return prefectures;
    }

    public Prefecture prefecture(String code) {
        return prefectures.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no prefecture " + code));
    }

    /** Every county-level unit with residents, in code order. */
    public List<County> counties() {
        return new ArrayList<>(countiesByCode.values());
    }

    public Optional<County> county(String code) {
        return Optional.ofNullable(countiesByCode.get(code));
    }

    public long population() {
        long sum = 0;
        for (Prefecture prefecture : prefectures) {
            sum += prefecture.population();
        }
        return sum;
    }
}
