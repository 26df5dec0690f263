package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.persistence.ReferralEventEntity;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/** One step of a referral's history: the event as published, who caused it and when. */
public record TimelineEntryView(int sequence, String type, Instant occurredAt, String actor,
                                @JsonRawValue String event) {

    static TimelineEntryView of(ReferralEventEntity step) {
        return new TimelineEntryView(step.sequence(), step.type(), step.occurredAt(), step.actor(), step.payload());
    }
}
