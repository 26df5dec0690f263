package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.value.Level;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A health institution of the synthetic matrix.
 *
 * @param divisionCode      where it is registered: village (12 digits), township (9) or county (6)
 * @param countyCode        the county-level unit it stands in
 * @param servedPopulation  the residents it is sized for (village, township, county, city or province)
 */
public final class Institution {

    private final String id;
    private final String name;
    private final Level level;
    private final InstitutionKind kind;
    private final String divisionCode;
    private final String countyCode;
    private final GeoPoint location;
    private final long servedPopulation;
    private final List<Department> departments;
    private final int[] departmentByLine;
    private final int[] wardByLine;
    private final List<String> allianceIds = new ArrayList<>();

    Institution(String id, String name, Level level, InstitutionKind kind, String divisionCode, String countyCode,
                GeoPoint location, long servedPopulation, List<Department> departments) {
        this.id = id;
        this.name = name;
        this.level = level;
        this.kind = kind;
        this.divisionCode = divisionCode;
        this.countyCode = countyCode;
        this.location = location;
        this.servedPopulation = servedPopulation;
        this.departments = List.copyOf(departments);
        this.departmentByLine = routeLines(this.departments, false);
        this.wardByLine = routeLines(this.departments, true);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Level level() {
        return level;
    }

    public InstitutionKind kind() {
        return kind;
    }

    public String divisionCode() {
        return divisionCode;
    }

    public String countyCode() {
        return countyCode;
    }

    public String prefectureCode() {
        return countyCode.substring(0, 4) + "00";
    }

    public GeoPoint location() {
        return location;
    }

    public long servedPopulation() {
        return servedPopulation;
    }

    public List<Department> departments() {
        return departments;
    }

    /** The department that treats a service line here: the line itself or its closest fallback. */
    public Department departmentFor(ServiceLine line) {
        return departments.get(departmentByLine[line.ordinal()]);
    }

    /**
     * The department that admits a patient of a service line: the line or its closest fallback
     * that has beds, else the department with the most beds. Check {@link #beds()} first: a
     * village clinic has none at all.
     */
    public Department wardFor(ServiceLine line) {
        return departments.get(wardByLine[line.ordinal()]);
    }

    public boolean has(ServiceLine line) {
        return departments.get(departmentByLine[line.ordinal()]).line() == line;
    }

    public int beds() {
        int sum = 0;
        for (Department department : departments) {
            sum += department.beds();
        }
        return sum;
    }

    public int dailySlots() {
        int sum = 0;
        for (Department department : departments) {
            sum += department.dailySlots();
        }
        return sum;
    }

    /** The alliances it belongs to, in the order they were formed. */
    public List<String> allianceIds() {
        return Collections.unmodifiableList(allianceIds);
    }

    void joinAlliance(String allianceId) {
        if (!allianceIds.contains(allianceId)) {
            allianceIds.add(allianceId);
        }
    }

    private static int[] routeLines(List<Department> departments, boolean needsBeds) {
        if (departments.isEmpty()) {
            throw new IllegalArgumentException("an institution has at least one department");
        }
        int[] route = new int[ServiceLine.count()];
        for (ServiceLine line : ServiceLine.values()) {
            route[line.ordinal()] = indexOf(departments, line, needsBeds);
            for (ServiceLine fallback : line.fallbacks()) {
                if (route[line.ordinal()] >= 0) {
                    break;
                }
                route[line.ordinal()] = indexOf(departments, fallback, needsBeds);
            }
            if (route[line.ordinal()] < 0) {
                route[line.ordinal()] = needsBeds ? largestWard(departments) : 0;
            }
        }
        return route;
    }

    private static int indexOf(List<Department> departments, ServiceLine line, boolean needsBeds) {
        for (int i = 0; i < departments.size(); i++) {
            Department department = departments.get(i);
            if (department.line() == line && (!needsBeds || department.beds() > 0)) {
                return i;
            }
        }
        return -1;
    }

    private static int largestWard(List<Department> departments) {
        int best = 0;
        for (int i = 1; i < departments.size(); i++) {
            if (departments.get(i).beds() > departments.get(best).beds()) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return id + " " + name;
    }
}
