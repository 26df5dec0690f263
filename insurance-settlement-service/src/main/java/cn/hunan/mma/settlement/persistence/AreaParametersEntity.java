package cn.hunan.mma.settlement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One version of an area's settlement rules; never edited, superseded by a later effective date. */
@Entity
@Table(name = "area_parameters")
public class AreaParametersEntity {

    @Id
    @Column(name = "version_id")
    String versionId;

    @Column(name = "area", nullable = false)
    String area;

    @Column(name = "effective_from", nullable = false)
    LocalDate effectiveFrom;

    @Column(name = "parameters_json", nullable = false)
    String parametersJson;

    @Column(name = "loaded_by", nullable = false)
    String loadedBy;

    @Column(name = "loaded_at", nullable = false)
    Instant loadedAt;

    protected AreaParametersEntity() {
    }

    public AreaParametersEntity(String area, LocalDate effectiveFrom, String parametersJson, String loadedBy, Instant loadedAt) {
        this.versionId = area + "/" + effectiveFrom;
        this.area = area;
        this.effectiveFrom = effectiveFrom;
        this.parametersJson = parametersJson;
        this.loadedBy = loadedBy;
        this.loadedAt = loadedAt;
    }

    public String versionId() {
        return versionId;
    }

    public String area() {
        return area;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public String parametersJson() {
        return parametersJson;
    }

    public String loadedBy() {
        return loadedBy;
    }

    public Instant loadedAt() {
        return loadedAt;
    }
}
