package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.referral.CancellingParty;
import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.RejectionCode;

import java.util.SplittableRandom;

/** The free texts a referral carries, as referring doctors and receiving wards typically write them. */
final class ReferralTexts {

    private ReferralTexts() {
    }

    static String reason(ReferralCriterion criterion) {
        return switch (criterion) {
            case BEYOND_LOCAL_CAPABILITY -> "超出本机构诊疗能力，需上级医院进一步诊治";
            case NEEDS_HIGHER_LEVEL_TESTS -> "需上级医院完善检查以明确诊断";
            case CRITICAL_EMERGENCY -> "病情危重，需紧急转上级医院救治";
            case OUTSIDE_LICENSED_SCOPE -> "超出本机构执业范围，转同级专科医院诊治";
            case DIAGNOSIS_CLEAR_CONDITION_STABLE -> "诊断明确、病情稳定，转基层继续治疗";
            case CHRONIC_LONG_TERM_CARE -> "慢性病长期管理，转基层随访治疗";
            case REHABILITATION -> "术后或急性期后康复，转基层康复治疗";
            case OTHER -> "其他原因转诊";
        };
    }

    static RejectionCode rejectionCode(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.55 ? RejectionCode.CAPACITY_FULL
                : u < 0.70 ? RejectionCode.OUTSIDE_SCOPE
                : u < 0.85 ? RejectionCode.INSUFFICIENT_INFORMATION
                : u < 0.97 ? RejectionCode.NOT_INDICATED : RejectionCode.OTHER;
    }

    static String rejection(RejectionCode code) {
        return switch (code) {
            case CAPACITY_FULL -> "床位或号源已满，建议转诊至其他同级医院";
            case OUTSIDE_SCOPE -> "超出本院诊疗范围";
            case INSUFFICIENT_INFORMATION -> "转诊资料不全，请补充检查结果后重新申请";
            case NOT_INDICATED -> "经评估暂无转诊指征，建议继续在原机构治疗";
            case OTHER -> "其他原因，详见电话沟通记录";
        };
    }

    static CancellingParty cancellingParty(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.7 ? CancellingParty.PATIENT : u < 0.85 ? CancellingParty.SENDER
                : u < 0.97 ? CancellingParty.RECEIVER : CancellingParty.PLATFORM;
    }

    static String cancellation(CancellingParty party) {
        return switch (party) {
            case PATIENT -> "患者本人要求取消";
            case SENDER -> "病情好转，转出方撤回申请";
            case RECEIVER -> "接收科室临时停诊";
            case PLATFORM -> "平台审核发现重复申请";
        };
    }
}
