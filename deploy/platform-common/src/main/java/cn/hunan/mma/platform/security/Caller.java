package cn.hunan.mma.platform.security;

import java.util.Set;

/**
 * The authenticated caller of an API: who, with which roles, over which scope. Built from the
 * bearer token once per request; never carries patient data.
 */
public record Caller(String subject, Set<Role> roles, Scope scope) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** True when at least one of the caller's roles may change data (auditors only read). */
    public boolean mayChangeAnything() {
        return roles.stream().anyMatch(Role::mayChange);
    }
}
