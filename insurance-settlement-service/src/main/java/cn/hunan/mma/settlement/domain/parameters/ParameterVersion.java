package cn.hunan.mma.settlement.domain.parameters;

import java.util.Objects;

/** An area's parameters with the id of the version they come from, recorded on whatever used them. */
public record ParameterVersion(String versionId, AreaParameters parameters) {

    public ParameterVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(parameters, "parameters");
    }
}
