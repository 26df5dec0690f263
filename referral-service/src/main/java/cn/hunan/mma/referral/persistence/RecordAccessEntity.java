package cn.hunan.mma.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read of a shared referral record, or one refused attempt: who, as what, over which scope, when, what. */
@Entity
@Table(name = "record_access_audit")
public class RecordAccessEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;
    @Column(name = "referral_id", nullable = false)
    String referralId;
    @Column(name = "subject", nullable = false)
    String subject;
    @Column(name = "roles", nullable = false)
    String roles;
    @Column(name = "scope", nullable = false)
    String scope;
    @Column(name = "what", nullable = false)
    String what;
    @Column(name = "granted", nullable = false)
    boolean granted;
    @Column(name = "accessed_at", nullable = false)
    Instant accessedAt;

    protected RecordAccessEntity() {
    }

    public static RecordAccessEntity of(String referralId, String subject, String roles, String scope, String what,
                                        boolean granted, Instant accessedAt) {
        RecordAccessEntity entity = new RecordAccessEntity();
        entity.referralId = referralId;
        entity.subject = subject;
        entity.roles = roles;
        entity.scope = scope;
        entity.what = what;
        entity.granted = granted;
        entity.accessedAt = accessedAt;
        return entity;
    }

    public String referralId() { return referralId; }
    public String subject() { return subject; }
    public String roles() { return roles; }
    public String scope() { return scope; }
    public String what() { return what; }
    public boolean granted() { return granted; }
    public Instant accessedAt() { return accessedAt; }
}
