package cn.hunan.mma.navigation.registry.rest;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.domain.InstitutionDraft;
import cn.hunan.mma.navigation.rest.RequestFields;

import java.math.BigDecimal;

/**
 * An operator's statement of an institution (POST registers, PUT replaces). Malformed ids and
 * codes break the contract and are answered 400 naming the field.
 */
public record InstitutionRequest(String institutionId, String name, Level level, InstitutionKind kind,
                                 String divisionCode, BigDecimal latitude, BigDecimal longitude) {

    InstitutionDraft toDraft(String id) {
        return new InstitutionDraft(RequestFields.parsed("institutionId", id, InstitutionId::of), name, level, kind,
                RequestFields.parsed("divisionCode", divisionCode, DivisionCode::of), latitude, longitude);
    }
}
