package cn.hunan.mma.simulator.matrix;

import java.util.List;

/** A prefecture-level city (地级市) or autonomous prefecture with its county-level units. */
public record Prefecture(String code, String name, GeoPoint seat, List<County> counties) {

    public Prefecture {
        counties = List.copyOf(counties);
    }

    public long population() {
        long sum = 0;
        for (County county : counties) {
            sum += county.population();
        }
        return sum;
    }
}
