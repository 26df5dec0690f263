package cn.hunan.mma.referral.service;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.referral.domain.Party;
import cn.hunan.mma.referral.persistence.ReferralEntity;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Who a caller is towards one referral. A referral sits in two places (sender and receiver), so a
 * caller reaching either one sees it; acting needs a party: institution users of the sender or the
 * receiver, and the platform review of the sender's city (city operators) or of the province.
 * The clinical record is narrower still: the two institutions and auditors of their city or province.
 * Alliance operators see the referrals of their alliance's members; the referral row keeps no
 * alliances, so membership comes from the matrix as it is now.
 */
public final class ReferralAccess {

    private ReferralAccess() {
    }

    public static boolean maySee(Caller caller, ReferralEntity referral, Function<InstitutionId, Set<String>> alliancesOf) {
        return AccessPolicy.maySee(caller, senderSide(referral, alliancesOf))
                || AccessPolicy.maySee(caller, receiverSide(referral, alliancesOf));
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

    private static Jurisdiction senderSide(ReferralEntity referral, Function<InstitutionId, Set<String>> alliancesOf) {
        InstitutionId sender = referral.sender().institutionId();
        return Jurisdiction.ofInstitution(sender.value(), referral.senderDivision(), alliancesOf.apply(sender));
    }

    private static Jurisdiction receiverSide(ReferralEntity referral, Function<InstitutionId, Set<String>> alliancesOf) {
        InstitutionId receiver = referral.receiver().institutionId();
        return Jurisdiction.ofInstitution(receiver.value(), referral.receiverDivision(), alliancesOf.apply(receiver));
    }
}
