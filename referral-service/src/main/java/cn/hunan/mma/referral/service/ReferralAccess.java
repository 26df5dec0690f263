package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.referral.domain.Party;
import cn.hunan.mma.referral.persistence.ReferralEntity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who a caller is towards one referral. A referral sits in two places (sender and receiver), so a
 * caller reaching either one sees it; acting needs a party: institution users of the sender or the
 * receiver, and the platform review of the sender's city (city operators) or of the province.
 * The clinical record is narrower still: the two institutions and auditors of their city or province.
 */
public final class ReferralAccess {

    private ReferralAccess() {
    }

    public static boolean maySee(Caller caller, ReferralEntity referral) {
        return AccessPolicy.maySee(caller, senderSide(referral)) || AccessPolicy.maySee(caller, receiverSide(referral));
    }

    public static boolean mayReadRecord(Caller caller, ReferralEntity referral) {
        if (!parties(caller, referral).isEmpty() && !parties(caller, referral).equals(Set.of(Party.PLATFORM_REVIEWER))) {
            return true;
        }
        return caller.hasRole(Role.AUDITOR)
                && (coversByDivision(caller, referral.senderDivision()) || coversByDivision(caller, referral.receiverDivision()));
    }

    public static Set<Party> parties(Caller caller, ReferralEntity referral) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (caller.hasRole(Role.INSTITUTION_USER)) {
            caller.scope().institution().ifPresent(institution -> {
                if (institution.equals(referral.sender().institutionId().value())) {
                    parties.add(Party.SENDER);
                }
                if (institution.equals(referral.receiver().institutionId().value())) {
                    parties.add(Party.RECEIVER);
                }
            });
        }
        boolean reviewer = (caller.hasRole(Role.CITY_OPERATOR) || caller.hasRole(Role.PROVINCE_ADMIN))
                && coversByDivision(caller, referral.senderDivision());
        if (reviewer) {
            parties.add(Party.PLATFORM_REVIEWER);
        }
        return parties;
    }

    private static boolean coversByDivision(Caller caller, DivisionCode division) {
        return caller.scope().province().filter(division::isWithin).isPresent()
                || caller.scope().city().filter(division::isWithin).isPresent();
    }

    private static Jurisdiction senderSide(ReferralEntity referral) {
        return Jurisdiction.ofInstitution(referral.sender().institutionId().value(), referral.senderDivision(), Set.of());
    }

    private static Jurisdiction receiverSide(ReferralEntity referral) {
        return Jurisdiction.ofInstitution(referral.receiver().institutionId().value(), referral.receiverDivision(), Set.of());
    }
}
