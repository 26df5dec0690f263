package cn.hunan.mma.events.care;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 离院方式, travelling as its national front-sheet code ("1"…"5", "9") so that hospital
 * systems send what they already record.
 */
public enum DischargeMode {
    /** 1 医嘱离院. */
    ON_MEDICAL_ADVICE("1"),
    /** 2 医嘱转院: transferred to another hospital on advice. */
    TRANSFERRED_TO_HOSPITAL("2"),
    /** 3 医嘱转社区卫生服务机构/乡镇卫生院: the cleanest signal of a downward referral. */
    TRANSFERRED_TO_PRIMARY_CARE("3"),
    /** 4 非医嘱离院: left against advice. */
    AGAINST_MEDICAL_ADVICE("4"),
    /** 5 死亡. */
    DEATH("5"),
    /** 9 其他. */
    OTHER("9");

    private final String nationalCode;

    DischargeMode(String nationalCode) {
        this.nationalCode = nationalCode;
    }

    @JsonValue
    public String nationalCode() {
        return nationalCode;
    }

    /** Takes any JSON scalar so that a bare number (3 instead of "3") is refused, not coerced. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DischargeMode ofNationalCode(Object code) {
        if (!(code instanceof String)) {
            throw new ContractViolation(Reason.WRONG_TYPE, null, "discharge mode must be a string code such as \"1\"");
        }
        for (DischargeMode mode : values()) {
            if (mode.nationalCode.equals(code)) {
                return mode;
            }
        }
        throw ContractViolation.invalid(null, "discharge mode must be a national code: 1, 2, 3, 4, 5 or 9");
    }
}
