package cn.hunan.mma.settlement.domain.parameters;

import java.util.Objects;

/** An area's parameters with the id of the version they come from, recorded on whatever used them. */
public record ParameterVersion(String versionId, AreaParameters parameters) {

    public ParameterVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** The area whose rules these are: the code before the "/" of {@code 430302/2025-01-01}. */
    public String area() {
        int slash = versionId.indexOf('/');
        return slash < 0 ? versionId : versionId.substring(0, slash);
    }
}
