package cn.hunan.mma.simulator.matrix;

import java.util.List;

/**
 * A township (乡, 镇) or urban street (街道) with its villages.
 *
 * @param street an urban street, served by a community health centre rather than a township health centre
 */
public record Township(String code, String name, boolean street, GeoPoint location, List<Village> villages) {

    public Township {
        villages = List.copyOf(villages);
    }

    public long population() {
        long sum = 0;
        for (Village village : villages) {
            sum += village.population();
        }
        return sum;
    }
}
