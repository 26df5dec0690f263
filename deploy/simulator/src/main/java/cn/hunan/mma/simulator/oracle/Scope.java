package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.scoring.ScoredEntityKind;

import java.util.Objects;

/**
 * What a figure is about: an institution, an alliance, or an area named by its division code —
 * the same entities the scorer publishes scores for, written the same way ({@code COUNTY:430321}).
 */
public record Scope(ScoredEntityKind kind, String entityId) implements Comparable<Scope> {

    public Scope {
        Objects.requireNonNull(kind, "kind");
        kind.requireEntityId(entityId);
    }

    public static Scope institution(String id) {
        return new Scope(ScoredEntityKind.INSTITUTION, id);
    }

    public static Scope alliance(String id) {
        return new Scope(ScoredEntityKind.ALLIANCE, id);
    }

    public static Scope county(String divisionCode) {
        return new Scope(ScoredEntityKind.COUNTY, divisionCode);
    }

    public static Scope city(String divisionCode) {
        return new Scope(ScoredEntityKind.CITY, divisionCode);
    }

    public static Scope province(String divisionCode) {
        return new Scope(ScoredEntityKind.PROVINCE, divisionCode);
    }

    /** The report's order: broadest kind first (province, city, county, alliance, institution), then by id. */
    @Override
    public int compareTo(Scope other) {
        int byKind = other.kind.compareTo(kind);
        return byKind != 0 ? byKind : entityId.compareTo(other.entityId);
    }

    @Override
    public String toString() {
        return kind + ":" + entityId;
    }
}
