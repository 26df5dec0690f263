package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.Level;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an area's matrix holds, for the manifest and the command's table: institutions and beds
 * per level (inside the area, and partners outside it), alliances per kind, tagged specialties.
 */
public record MatrixCounts(long population, int counties, int townships, int villages,
                           Map<Level, Integer> institutionsInArea, Map<Level, Integer> partnersOutside,
                           Map<Level, Long> bedsInArea, Map<AllianceKind, Integer> alliances,
                           Map<SpecialtyTag, Integer> specialties, int guidanceEntries) {

    public static MatrixCounts of(AreaMatrix area) {
        Map<Level, Integer> inside = zeroes(Level.class, 0);
        Map<Level, Integer> outside = zeroes(Level.class, 0);
        Map<Level, Long> beds = zeroes(Level.class, 0L);
        Map<SpecialtyTag, Integer> tags = zeroes(SpecialtyTag.class, 0);
        for (Institution institution : area.institutions()) {
            if (area.area().contains(institution.countyCode())) {
                inside.merge(institution.level(), 1, Integer::sum);
                beds.merge(institution.level(), (long) institution.beds(), Long::sum);
            } else {
                outside.merge(institution.level(), 1, Integer::sum);
            }
            for (Department department : institution.departments()) {
                tags.merge(department.tag(), 1, Integer::sum);
            }
        }
        Map<AllianceKind, Integer> alliances = zeroes(AllianceKind.class, 0);
        area.alliances().forEach(alliance -> alliances.merge(alliance.kind(), 1, Integer::sum));
        int townships = 0;
        int villages = 0;
        for (County county : area.counties()) {
            townships += county.townships().size();
            for (Township township : county.townships()) {
                villages += township.villages().size();
            }
        }
        return new MatrixCounts(area.population(), area.counties().size(), townships, villages, inside, outside, beds,
                alliances, tags, area.matrix().catalogue().entries().size());
    }

    public int institutionsInAreaTotal() {
        return institutionsInArea.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int partnersOutsideTotal() {
        return partnersOutside.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A plain-text table, one row per level. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-9s %10s %10s %10s%n", "level", "in area", "partners", "beds"));
        for (Level level : Level.values()) {
            out.append(String.format("%-9s %10d %10d %10d%n", level, institutionsInArea.get(level),
                    partnersOutside.get(level), bedsInArea.get(level)));
        }
        out.append(String.format("%-9s %10d %10d %10d%n", "total", institutionsInAreaTotal(), partnersOutsideTotal(),
                bedsInArea.values().stream().mapToLong(Long::longValue).sum()));
        out.append(String.format("residents %,d in %d county-level units, %d townships, %d villages%n",
                population, counties, townships, villages));
        out.append("alliances ").append(alliances).append(System.lineSeparator());
        out.append("specialties ").append(specialties).append(", guidance entries ").append(guidanceEntries)
                .append(System.lineSeparator());
        return out.toString();
    }

    private static <K extends Enum<K>, V> Map<K, V> zeroes(Class<K> type, V zero) {
        Map<K, V> map = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            map.put(key, zero);
        }
        return new LinkedHashMap<>(map);
    }
}
