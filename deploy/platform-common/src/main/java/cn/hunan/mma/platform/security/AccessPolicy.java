package cn.hunan.mma.platform.security;

/**
 * The one answer to "may this caller see or change this entity". Scope decides what a caller can
 * reach; role decides whether it may change it (auditors never change). A caller without any
 * platform role — a token issued for another application by a shared identity provider — reaches
 * nothing, whatever scope claims it carries. Which roles may call an endpoint at all is declared on
 * the endpoint ({@code @RolesAllowed}).
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean maySee(Caller caller, Jurisdiction entity) {
        if (caller.roles().isEmpty()) {
            return false;
        }
        Scope scope = caller.scope();
        return scope.province().filter(entity.division()::isWithin).isPresent()
                || scope.city().filter(entity.division()::isWithin).isPresent()
                || scope.alliance().filter(entity.allianceIds()::contains).isPresent()
                || scope.institution().filter(entity.institutionIds()::contains).isPresent();
    }

    public static boolean mayChange(Caller caller, Jurisdiction entity) {
        return caller.mayChangeAnything() && maySee(caller, entity);
    }

    /** @throws OutOfScopeException (HTTP 403) when the caller may not see the entity */
    public static void requireSee(Caller caller, Jurisdiction entity, String what) {
        if (!maySee(caller, entity)) {
            throw new OutOfScopeException(what + " is outside the caller's scope");
        }
    }

    /** @throws OutOfScopeException (HTTP 403) when the caller may not change the entity */
    public static void requireChange(Caller caller, Jurisdiction entity, String what) {
        if (!mayChange(caller, entity)) {
            throw new OutOfScopeException(caller.mayChangeAnything()
                    ? what + " is outside the caller's scope"
                    : "the caller's roles may read but not change " + what);
        }
    }
}
