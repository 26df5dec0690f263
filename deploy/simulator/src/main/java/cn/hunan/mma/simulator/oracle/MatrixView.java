package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.simulator.io.MatrixFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The hospital matrix as the oracle needs it: each institution's level and the scopes its
 * activity counts towards, the scopes a place of residence belongs to, and the guidance
 * catalogue. Read once from a matrix directory; the matrix is taken as fixed for the whole file.
 */
final class MatrixView {

    private final Map<InstitutionId, Institution> institutions;
    private final AllianceCoverage coverage;
    private final GuidanceCatalogue catalogue;
    private final Scopes scopes;
    private final int allianceCount;
    private final Map<DivisionCode, Residence> residences = new HashMap<>();

    private MatrixView(Map<InstitutionId, Institution> institutions, AllianceCoverage coverage,
                       GuidanceCatalogue catalogue, Scopes scopes, int allianceCount) {
        this.institutions = institutions;
        this.coverage = coverage;
        this.catalogue = catalogue;
        this.scopes = scopes;
        this.allianceCount = allianceCount;
    }

    static MatrixView load(Path directory, Scopes scopes) {
        List<AllianceSnapshot> alliances = MatrixFiles.alliances(directory);
        AllianceCoverage coverage = new AllianceCoverage(alliances, scopes);
        Map<InstitutionId, List<Integer>> memberships = memberships(alliances, scopes);
        Map<InstitutionId, Institution> institutions = new HashMap<>();
        for (InstitutionSnapshot snapshot : MatrixFiles.institutions(directory)) {
            institutions.put(snapshot.institutionId(),
                    institution(snapshot, memberships.getOrDefault(snapshot.institutionId(), List.of()), coverage, scopes));
        }
        GuidanceCatalogue catalogue = new GuidanceCatalogue(MatrixFiles.guidanceCatalogue(directory));
        return new MatrixView(institutions, coverage, catalogue, scopes, alliances.size());
    }

    /** The institution, or null when the matrix does not know it. */
    Institution institution(InstitutionId id) {
        return institutions.get(id);
    }

    Residence residence(DivisionCode code) {
        return residences.computeIfAbsent(code, this::residenceOf);
    }

    GuidanceCatalogue catalogue() {
        return catalogue;
    }

    int institutionCount() {
        return institutions.size();
    }

    int allianceCount() {
        return allianceCount;
    }

    private Residence residenceOf(DivisionCode code) {
        IntStream areas = Areas.containing(code).stream().mapToInt(scopes::idOf);
        return new Residence(IntStream.concat(areas, IntStream.of(coverage.covering(code))).toArray());
    }

    /** Membership comes from the alliances' member lists: the alliance record is the authority on who belongs. */
    private static Map<InstitutionId, List<Integer>> memberships(List<AllianceSnapshot> alliances, Scopes scopes) {
        Map<InstitutionId, List<Integer>> memberships = new HashMap<>();
        for (AllianceSnapshot alliance : alliances) {
            int scope = scopes.idOf(Scope.alliance(alliance.allianceId().value()));
            for (InstitutionId member : alliance.memberIds()) {
                memberships.computeIfAbsent(member, id -> new ArrayList<>()).add(scope);
            }
        }
        return memberships;
    }

    private static Institution institution(InstitutionSnapshot snapshot, List<Integer> allianceScopes,
                                           AllianceCoverage coverage, Scopes scopes) {
        int[] areas = Areas.containing(snapshot.divisionCode()).stream().mapToInt(scopes::idOf).toArray();
        int[] treating = IntStream.concat(
                IntStream.of(scopes.idOf(Scope.institution(snapshot.institutionId().value()))),
                IntStream.concat(allianceScopes.stream().mapToInt(Integer::intValue).distinct(), IntStream.of(areas))).toArray();
        int[] locatedIn = IntStream.concat(IntStream.of(areas), IntStream.of(coverage.covering(snapshot.divisionCode()))).toArray();
        return new Institution(snapshot.institutionId(), snapshot.level(), treating, locatedIn);
    }
}
