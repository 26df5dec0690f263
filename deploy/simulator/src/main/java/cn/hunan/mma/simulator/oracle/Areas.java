package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.DivisionCode;

import java.util.ArrayList;
import java.util.List;

/** The county, city and province a division lies in, as scopes. */
final class Areas {

    private Areas() {
    }

    /**
     * Finest first. A code coarser than a county (a whole prefecture) has no county, and a
     * province-level code has no city: the figure is then only counted where the place is known.
     */
    static List<Scope> containing(DivisionCode code) {
        List<Scope> areas = new ArrayList<>(3);
        DivisionCode.Granularity granularity = code.granularity();
        if (granularity != DivisionCode.Granularity.PROVINCE && granularity != DivisionCode.Granularity.PREFECTURE) {
            areas.add(Scope.county(code.countyCode().value()));
        }
        if (granularity != DivisionCode.Granularity.PROVINCE) {
            areas.add(Scope.city(code.cityCode().value()));
        }
        areas.add(Scope.province(code.provinceCode().value()));
        return areas;
    }
}
