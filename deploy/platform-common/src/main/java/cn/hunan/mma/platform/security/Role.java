package cn.hunan.mma.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The platform's roles, as they appear in the token's {@code groups} claim. */
public enum Role {
    PROVINCE_ADMIN("province-admin"),
    CITY_OPERATOR("city-operator"),
    ALLIANCE_OPERATOR("alliance-operator"),
    INSTITUTION_USER("institution-user"),
    INSURANCE_OFFICER("insurance-officer"),
    AUDITOR("auditor");

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String PROVINCE_ADMIN_NAME = "province-admin";
    public static final String CITY_OPERATOR_NAME = "city-operator";
    public static final String ALLIANCE_OPERATOR_NAME = "alliance-operator";
    public static final String INSTITUTION_USER_NAME = "institution-user";
    public static final String INSURANCE_OFFICER_NAME = "insurance-officer";
    public static final String AUDITOR_NAME = "auditor";

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** Unknown group names (from other applications sharing the identity provider) are ignored. */
    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }

    /** Auditors read; they never change anything. */
    public boolean mayChange() {
        return this != AUDITOR;
    }
}
