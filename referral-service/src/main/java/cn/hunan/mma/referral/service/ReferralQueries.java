package cn.hunan.mma.referral.service;

import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.OutOfScopeException;
import cn.hunan.mma.referral.domain.ReferralStatus;
import cn.hunan.mma.referral.persistence.RecordAccessEntity;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import cn.hunan.mma.referral.persistence.ReferralEventEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads referrals for callers, always within their scope. */
@ApplicationScoped
public class ReferralQueries {

    /** Which side of the referrals an institution caller lists. */
    public enum Box { INCOMING, OUTGOING }

    /** @param page zero-based */
    public record Filter(Optional<Box> box, Optional<ReferralStatus> status, int page, int size) {
    }

    private final Mutiny.SessionFactory sessions;
    private final MatrixView matrix;

    public ReferralQueries(Mutiny.SessionFactory sessions, MatrixView matrix) {
        this.sessions = sessions;
        this.matrix = matrix;
    }

    public Uni<ReferralEntity> referral(String id, Caller caller) {
        return sessions.withSession(session -> session.find(ReferralEntity.class, id))
                .map(found -> ReferralService.visible(found, id, caller, matrix));
    }

    /**
     * The referral if the caller may see it; none when there is no such referral or it lies outside the caller's scope,
     * alike, so that naming one in a request (a continuation) does not tell which.
     */
    public Uni<Optional<ReferralEntity>> seenBy(String id, Caller caller) {
        return sessions.withSession(session -> session.find(ReferralEntity.class, id))
                .map(found -> Optional.ofNullable(found)
                        .filter(referral -> ReferralAccess.maySee(caller, referral, matrix::alliancesOf)));
    }

    public Uni<List<ReferralEventEntity>> timeline(String id, Caller caller) {
        return referral(id, caller).chain(visible -> sessions.withSession(session -> session
                .createSelectionQuery("from ReferralEventEntity e where e.referralId = :id order by e.sequence",
                        ReferralEventEntity.class)
                .setParameter("id", id).getResultList()));
    }

    /**
     * Institution callers list their own incoming or outgoing referrals (both without a box); city
     * and province callers list every referral whose sender or receiver lies in their divisions;
     * alliance operators every referral whose sender or receiver is a member of their alliance.
     */
    public Uni<List<ReferralEntity>> list(Filter filter, Caller caller) {
        List<String> reach = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        caller.scope().institution().ifPresent(institution -> {
            Box box = filter.box().orElse(null);
            if (box != Box.OUTGOING) {
                reach.add("r.receiverInstitutionId = :institution");
            }
            if (box != Box.INCOMING) {
                reach.add("r.senderInstitutionId = :institution");
            }
            parameters.put("institution", institution);
        });
        caller.scope().city().or(caller.scope()::province).ifPresent(division -> {
            reach.add("r.senderDivision like :divisionPrefix or r.receiverDivision like :divisionPrefix");
            parameters.put("divisionPrefix", division.significantPrefix() + "%");
        });
        caller.scope().alliance().map(matrix::membersOf).filter(members -> !members.isEmpty()).ifPresent(members -> {
            reach.add("r.senderInstitutionId in :members or r.receiverInstitutionId in :members");
            parameters.put("members", members);
        });
        if (reach.isEmpty() || caller.roles().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder query = new StringBuilder("from ReferralEntity r where (").append(String.join(" or ", reach)).append(')');
        filter.status().ifPresent(status -> {
            query.append(" and r.status = :status");
            parameters.put("status", status);
        });
        query.append(" order by r.requestedAt desc, r.id");
        return sessions.withSession(session -> {
            Mutiny.SelectionQuery<ReferralEntity> select = session.createSelectionQuery(query.toString(), ReferralEntity.class);
            parameters.forEach(select::setParameter);
            return select.setFirstResult(filter.page() * filter.size()).setMaxResults(filter.size()).getResultList();
        });
    }

    /** The patient's referrals the caller may see, oldest first; the caller groups them by episode. */
    public Uni<List<ReferralEntity>> careOf(String patientPseudonym, Caller caller) {
        return sessions.withSession(session -> session
                        .createSelectionQuery("from ReferralEntity r where r.patientPseudonym = :patient order by r.requestedAt, r.id",
                                ReferralEntity.class)
                        .setParameter("patient", patientPseudonym).getResultList())
                .map(all -> all.stream().filter(referral -> ReferralAccess.maySee(caller, referral, matrix::alliancesOf)).toList());
    }

    /**
     * The shared record, for the two institutions and auditors of their city or province. Every
     * attempt is audited, refused ones too, in a transaction of its own that commits before the answer.
     */
    public Uni<ReferralEntity> record(String id, String what, Caller caller) {
        return sessions.withSession(session -> session.find(ReferralEntity.class, id)).chain(found -> {
            if (found == null) {
                return Uni.createFrom().failure(new jakarta.ws.rs.NotFoundException("no referral " + id));
            }
            boolean granted = ReferralAccess.mayReadRecord(caller, found);
            RecordAccessEntity audit = RecordAccessEntity.of(id, caller.subject(), AuditedCaller.roles(caller),
                    AuditedCaller.scope(caller), what, granted, ReferralService.now());
            return sessions.withTransaction(session -> session.persist(audit)).map(ignored -> {
                if (!granted) {
                    throw new OutOfScopeException("the record of referral " + id + " is for its two institutions and their auditors");
                }
                return found;
            });
        });
    }

    /** The audit trail of one record: auditors (and the province) only, within their divisions. */
    public Uni<List<RecordAccessEntity>> accesses(String id, Caller caller) {
        return referral(id, caller).chain(visible -> sessions.withSession(session -> session
                .createSelectionQuery("from RecordAccessEntity a where a.referralId = :id order by a.accessedAt, a.id",
                        RecordAccessEntity.class)
                .setParameter("id", id).getResultList()));
    }
}
