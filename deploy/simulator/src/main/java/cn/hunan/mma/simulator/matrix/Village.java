package cn.hunan.mma.simulator.matrix;

/**
 * A village (村) or urban community (社区) and its synthetic share of the county's residents.
 *
 * @param community an urban residents' committee, served by a community health station
 */
public record Village(String code, String name, boolean community, int population, GeoPoint location) {
}
