package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.Money;

/**
 * An amount a resource reads from a request body's text. Money refuses bad text itself (negative, more than two
 * decimals, not a number) without knowing where it came from, so the problem named {@code $}; the caller is told which
 * field to fix.
 */
final class BodyMoney {

    private BodyMoney() {
    }

    static Money of(String field, String yuan) {
        try {
            return Money.ofYuan(yuan);
        } catch (ContractViolation refused) {
            throw refused.atField(field);
        }
    }
}
