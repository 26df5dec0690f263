package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.navigation.rest.RequestFields;

import java.time.Instant;

/**
 * An operator's statement of a specialty (PUT creates or replaces). The institution and
 * department come from the path; if the body names them too they must agree. The contract's
 * checks apply (name 1–200 characters, tag one of the contract's): a violation is 400 naming the field.
 */
public record SpecialtyRequest(String institutionId, String departmentId, String name, String tag) {

    /** The statement as a snapshot with a fresh event id and time: the one published if it changes the row. */
    SpecialtySnapshot toSnapshot(SpecialtyPath path, Instant at) {
        RequestFields.requireSame("institutionId", institutionId, path.institutionId().value());
        RequestFields.requireSame("departmentId", departmentId, path.departmentId().value());
        return new SpecialtySnapshot(EventId.random(), at, path.institutionId(), path.departmentId(), name,
                RequestFields.constant("tag", tag, SpecialtyTag.class));
    }
}
