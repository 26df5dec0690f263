package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.value.DivisionCode;

import java.util.Set;

/**
 * Which cities send their referrals through platform review first (a local rule, set per city).
 *
 * @param reviewingCities prefecture codes, e.g. 430300 for 湘潭市
 */
public record ReviewPolicy(Set<DivisionCode> reviewingCities) {

    public ReviewPolicy {
        reviewingCities = Set.copyOf(reviewingCities);
    }

    public static ReviewPolicy none() {
        return new ReviewPolicy(Set.of());
    }

    public boolean requiresReview(DivisionCode senderDivision) {
        return reviewingCities.contains(senderDivision.cityCode());
    }
}
