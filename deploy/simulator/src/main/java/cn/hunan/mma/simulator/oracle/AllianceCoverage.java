package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.DivisionCode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which alliances cover a division: an alliance covers the residents of its covered divisions
 * and of every division inside them (a county covers its townships and villages).
 */
final class AllianceCoverage {

    private final Map<String, Set<Integer>> alliancesByCoveredCode = new HashMap<>();

    AllianceCoverage(List<AllianceSnapshot> alliances, Scopes scopes) {
        for (AllianceSnapshot alliance : alliances) {
            int scope = scopes.idOf(Scope.alliance(alliance.allianceId().value()));
            for (DivisionCode covered : alliance.coveredDivisions()) {
                alliancesByCoveredCode.computeIfAbsent(covered.value(), code -> new LinkedHashSet<>()).add(scope);
            }
        }
    }

    /** The scope ids of the alliances covering the division, ascending. */
    int[] covering(DivisionCode code) {
        Set<Integer> found = new TreeSet<>();
        for (String enclosing : enclosingCodes(code)) {
            found.addAll(alliancesByCoveredCode.getOrDefault(enclosing, Set.of()));
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The code itself and every coarser division it lies in (township, county, prefecture, province). */
    private static Set<String> enclosingCodes(DivisionCode code) {
        String value = code.value();
        Set<String> codes = new LinkedHashSet<>();
        codes.add(value);
        if (value.length() > 9) {
            codes.add(value.substring(0, 9));
        }
        codes.add(value.substring(0, 6));
        codes.add(code.cityCode().value());
        codes.add(code.provinceCode().value());
        return codes;
    }
}
