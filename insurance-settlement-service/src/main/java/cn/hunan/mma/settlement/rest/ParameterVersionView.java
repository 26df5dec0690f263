package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.persistence.AreaParametersEntity;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.time.LocalDate;

/** A stored version of an area's rules, its parameters as stored (canonical JSON). */
public record ParameterVersionView(String versionId, String area, LocalDate effectiveFrom, String loadedBy, Instant loadedAt,
                                   @JsonRawValue String parameters) {

    static ParameterVersionView of(AreaParametersEntity row) {
        return new ParameterVersionView(row.versionId(), row.area(), row.effectiveFrom(), row.loadedBy(), row.loadedAt(),
                row.parametersJson());
    }
}
