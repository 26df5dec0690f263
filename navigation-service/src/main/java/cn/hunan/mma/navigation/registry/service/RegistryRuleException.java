package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.navigation.registry.domain.RuleViolation;

/** A proposed change breaks a registry rule ({@link cn.hunan.mma.navigation.registry.domain.MatrixRules}): 400. */
public class RegistryRuleException extends RuntimeException {

    private final transient RuleViolation violation;

    public RegistryRuleException(RuleViolation violation) {
        super(violation.field() + ": " + violation.detail());
        this.violation = violation;
    }

    public RuleViolation violation() {
        return violation;
    }
}
