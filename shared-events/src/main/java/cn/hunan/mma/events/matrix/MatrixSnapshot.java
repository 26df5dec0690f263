package cn.hunan.mma.events.matrix;

import cn.hunan.mma.events.contract.ContractRecord;

/**
 * The hospital matrix as reference data: each record is the latest state of one entity, on a
 * compacted topic keyed by the entity id, so any service rebuilds its view by reading from the start.
 */
public sealed interface MatrixSnapshot extends ContractRecord
        permits InstitutionSnapshot, AllianceSnapshot, SpecialtySnapshot, GuidanceCatalogueEntry {
}
