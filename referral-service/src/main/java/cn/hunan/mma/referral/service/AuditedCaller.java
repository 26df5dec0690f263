package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How the access audit writes a caller down: sorted role names and the scope claims it carried. */
final class AuditedCaller {

    private AuditedCaller() {
    }

    static String roles(Caller caller) {
        return caller.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(","));
    }

    static String scope(Caller caller) {
        List<String> parts = new ArrayList<>();
        caller.scope().province().map(DivisionCode::value).ifPresent(code -> parts.add("province=" + code));
        caller.scope().city().map(DivisionCode::value).ifPresent(code -> parts.add("city=" + code));
        caller.scope().alliance().ifPresent(id -> parts.add("alliance=" + id));
        caller.scope().institution().ifPresent(id -> parts.add("institution=" + id));
        return String.join(",", parts);
    }
}
