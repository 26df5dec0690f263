package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.persistence.RecordAccessEntity;

import java.time.Instant;

/** One audited read (or refused attempt) of a shared record. */
public record RecordAccessView(String subject, String roles, String scope, String what, boolean granted,
                               Instant accessedAt) {

    static RecordAccessView of(RecordAccessEntity access) {
        return new RecordAccessView(access.subject(), access.roles(), access.scope(), access.what(), access.granted(),
                access.accessedAt());
    }
}
