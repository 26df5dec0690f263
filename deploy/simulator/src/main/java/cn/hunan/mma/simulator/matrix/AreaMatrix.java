package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.simulator.reference.Area;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of the province's matrix an area's services need: the area's own institutions, every
 * institution its residents may be sent to (the city's and the provincial hospitals, the nearest
 * county and city outside it), and the alliances covering it or with members in it. Members
 * outside the exported set are left out of alliance member lists, so every id an exported record
 * names is itself exported. For the whole province this is the whole matrix.
 */
public final class AreaMatrix {

    private final HospitalMatrix matrix;
    private final Area area;
    private final List<County> counties;
    private final List<Institution> institutions;
    private final Set<String> institutionIds;
    private final List<Alliance> alliances;

    private AreaMatrix(HospitalMatrix matrix, Area area, List<County> counties, List<Institution> institutions,
                       List<Alliance> alliances) {
        this.matrix = matrix;
        this.area = area;
        this.counties = List.copyOf(counties);
        this.institutions = List.copyOf(institutions);
        this.institutionIds = new LinkedHashSet<>(institutions.stream().map(Institution::id).toList());
        this.alliances = List.copyOf(alliances);
    }

    public static AreaMatrix of(HospitalMatrix matrix, Area area) {
        List<County> counties = matrix.geography().counties().stream().filter(c -> area.contains(c.code())).toList();
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("no residents in area " + area);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Institution institution : matrix.institutions()) {
            if (area.contains(institution.countyCode())) {
                ids.add(institution.id());
            }
        }
        for (County county : counties) {
            matrix.network(county.code()).institutions().forEach(institution -> ids.add(institution.id()));
        }
        List<Alliance> selected = new ArrayList<>();
        for (Alliance alliance : matrix.alliances()) {
            if (concerns(alliance, area)) {
                selected.add(alliance);
                ids.add(alliance.leadId());
                ids.addAll(alliance.collaboratingTertiaryIds());
            }
        }
        List<Alliance> trimmed = selected.stream()
                .map(alliance -> trim(alliance, ids))
                .toList();
        List<Institution> institutions = matrix.institutions().stream().filter(i -> ids.contains(i.id())).toList();
        return new AreaMatrix(matrix, area, counties, institutions, trimmed);
    }

    public HospitalMatrix matrix() {
        return matrix;
    }

    public Area area() {
        return area;
    }

    /** The county-level units whose residents are simulated, in code order. */
    public List<County> counties() {
        return counties;
    }

    /** Exported institutions, sorted by id. */
    public List<Institution> institutions() {
        return institutions;
    }

    public boolean exports(String institutionId) {
        return institutionIds.contains(institutionId);
    }

    /** Exported alliances, sorted by id, members limited to exported institutions. */
    public List<Alliance> alliances() {
        return alliances;
    }

    /** An exported institution's memberships among the exported alliances. */
    public List<String> allianceIdsOf(Institution institution) {
        Set<String> exported = new LinkedHashSet<>(alliances.stream().map(Alliance::id).toList());
        return institution.allianceIds().stream().filter(exported::contains).toList();
    }

    public long population() {
        return counties.stream().mapToLong(County::population).sum();
    }

    private static boolean concerns(Alliance alliance, Area area) {
        for (String division : alliance.coveredDivisions()) {
            if (area.contains(division) || divisionContainsArea(division, area)) {
                return true;
            }
        }
        return false;
    }

    /** A specialty alliance covering a whole prefecture or the province covers any area inside it. */
    private static boolean divisionContainsArea(String division, Area area) {
        if (division.endsWith("0000")) {
            return area.code().startsWith(division.substring(0, 2));
        }
        return division.endsWith("00") && area.code().startsWith(division.substring(0, 4));
    }

    private static Alliance trim(Alliance alliance, Set<String> exported) {
        List<String> members = alliance.memberIds().stream().filter(exported::contains).toList();
        return new Alliance(alliance.id(), alliance.name(), alliance.kind(), alliance.leadId(), members,
                alliance.coveredDivisions(), alliance.collaboratingTertiaryIds(), alliance.specialty());
    }
}
