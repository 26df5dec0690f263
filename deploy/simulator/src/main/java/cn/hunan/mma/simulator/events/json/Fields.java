package cn.hunan.mma.simulator.events.json;

/**
 * Pre-encoded {@code ,"name":} tokens of the contract's JSON fields. A token ending in a quote
 * opens a string value, which the writer closes.
 */
final class Fields {

    static final byte[] INSTITUTION = JsonBuffer.asciiBytes(",\"institutionId\":\"");
    static final byte[] DEPARTMENT = JsonBuffer.asciiBytes(",\"departmentId\":\"");
    static final byte[] VISIT_KIND = JsonBuffer.asciiBytes(",\"visitKind\":\"");
    static final byte[] PATIENT = JsonBuffer.asciiBytes(",\"patient\":\"");
    static final byte[] RESIDENCE = JsonBuffer.asciiBytes(",\"residenceDivision\":\"");
    static final byte[] INSURED_AREA = JsonBuffer.asciiBytes(",\"insuredAreaDivision\":\"");
    static final byte[] DIAGNOSIS = JsonBuffer.asciiBytes(",\"diagnosis\":\"");
    static final byte[] ADMITTING_DIAGNOSIS = JsonBuffer.asciiBytes(",\"admittingDiagnosis\":\"");
    static final byte[] PRINCIPAL_DIAGNOSIS = JsonBuffer.asciiBytes(",\"principalDiagnosis\":\"");
    static final byte[] PROCEDURES = JsonBuffer.asciiBytes(",\"procedures\":[");
    static final byte[] DRG = JsonBuffer.asciiBytes(",\"drgGroup\":\"");
    static final byte[] CHARGES_TOTAL = JsonBuffer.asciiBytes(",\"charges\":{\"total\":\"");
    static final byte[] FUND_PAID = JsonBuffer.asciiBytes("\",\"fundPaid\":\"");
    static final byte[] OUT_OF_POCKET = JsonBuffer.asciiBytes("\",\"outOfPocket\":\"");
    static final byte[] CHARGES_END = JsonBuffer.asciiBytes("\"}");
    static final byte[] CONTRACTED = JsonBuffer.asciiBytes(",\"contractedFamilyDoctor\":");
    static final byte[] REFERRAL = JsonBuffer.asciiBytes(",\"referralId\":\"");
    static final byte[] EPISODE = JsonBuffer.asciiBytes(",\"episodeId\":\"");
    static final byte[] DISCHARGE_MODE = JsonBuffer.asciiBytes(",\"dischargeMode\":\"");
    static final byte[] ADMISSION_DATE = JsonBuffer.asciiBytes(",\"admissionDate\":\"");
    static final byte[] DISCHARGE_DATE = JsonBuffer.asciiBytes(",\"dischargeDate\":\"");
    static final byte[] LENGTH_OF_STAY = JsonBuffer.asciiBytes(",\"lengthOfStayDays\":");

    static final byte[] SENDER = JsonBuffer.asciiBytes(",\"sender\":{\"institutionId\":\"");
    static final byte[] RECEIVER = JsonBuffer.asciiBytes(",\"receiver\":{\"institutionId\":\"");
    static final byte[] PARTY_DEPARTMENT = JsonBuffer.asciiBytes("\",\"departmentId\":\"");
    static final byte[] PARTY_END = JsonBuffer.asciiBytes("\"}");
    static final byte[] REASON = JsonBuffer.asciiBytes(",\"reason\":\"");
    static final byte[] CRITERIA = JsonBuffer.asciiBytes(",\"criteriaMet\":[");
    static final byte[] DIRECTION = JsonBuffer.asciiBytes(",\"direction\":\"");
    static final byte[] URGENCY = JsonBuffer.asciiBytes(",\"urgency\":\"");
    static final byte[] FLAGGED = JsonBuffer.asciiBytes(",\"flaggedAgainstCatalogue\":");
    static final byte[] ATTACHMENTS = JsonBuffer.asciiBytes(",\"attachmentRefs\":[");
    static final byte[] REASON_CODE = JsonBuffer.asciiBytes(",\"reasonCode\":\"");
    static final byte[] REASON_TEXT = JsonBuffer.asciiBytes(",\"reasonText\":\"");
    static final byte[] ONWARD = JsonBuffer.asciiBytes(",\"onwardInstitutionId\":\"");
    static final byte[] RESERVATION_KIND = JsonBuffer.asciiBytes(",\"reservationKind\":\"");
    static final byte[] RESERVATION_ID = JsonBuffer.asciiBytes(",\"reservationId\":\"");
    static final byte[] APPOINTMENT_AT = JsonBuffer.asciiBytes(",\"appointmentAt\":\"");
    static final byte[] CANCELLED_BY = JsonBuffer.asciiBytes(",\"cancelledBy\":\"");
    static final byte[] OUTCOME = JsonBuffer.asciiBytes(",\"outcome\":\"");
    static final byte[] SUMMARY_REF = JsonBuffer.asciiBytes(",\"dischargeSummaryRef\":\"");
    static final byte[] FOLLOWED_UP_BY = JsonBuffer.asciiBytes(",\"followedUpBy\":\"");
    static final byte[] NOTE = JsonBuffer.asciiBytes(",\"note\":\"");

    static final byte[] SESSION = JsonBuffer.asciiBytes(",\"session\":{\"departmentId\":\"");
    static final byte[] SESSION_DATE = JsonBuffer.asciiBytes("\",\"date\":\"");
    static final byte[] SESSION_PERIOD = JsonBuffer.asciiBytes("\",\"period\":\"");
    static final byte[] SESSION_EXPERT = JsonBuffer.asciiBytes("\",\"expert\":");
    static final byte[] PUBLIC_COUNT = JsonBuffer.asciiBytes("},\"publicCount\":");
    static final byte[] RESERVED_COUNT = JsonBuffer.asciiBytes(",\"reservedForReferralCount\":");
    static final byte[] CHANNEL = JsonBuffer.asciiBytes("},\"channel\":\"");
    static final byte[] COUNT = JsonBuffer.asciiBytes("\",\"count\":");
    static final byte[] OPENED_FROM = JsonBuffer.asciiBytes(",\"openedFrom\":\"");
    static final byte[] TOTAL = JsonBuffer.asciiBytes(",\"total\":");
    static final byte[] OCCUPIED = JsonBuffer.asciiBytes(",\"occupied\":");
    static final byte[] RESERVED = JsonBuffer.asciiBytes(",\"reserved\":");

    static final byte[] TEAM = JsonBuffer.asciiBytes(",\"teamId\":\"");
    static final byte[] KEY_GROUPS = JsonBuffer.asciiBytes(",\"keyGroups\":[");
    static final byte[] VALID_FROM = JsonBuffer.asciiBytes(",\"validFrom\":\"");
    static final byte[] VALID_TO = JsonBuffer.asciiBytes(",\"validTo\":\"");
    static final byte[] CONDITION = JsonBuffer.asciiBytes(",\"condition\":\"");
    static final byte[] FOLLOW_UP_LEVEL = JsonBuffer.asciiBytes(",\"followUpLevel\":\"");
    static final byte[] CONTROLLED = JsonBuffer.asciiBytes(",\"controlled\":");

    static final byte[] KIND = JsonBuffer.asciiBytes(",\"kind\":\"");
    static final byte[] VERIFIED = JsonBuffer.asciiBytes(",\"verified\":");
    static final byte[] AMOUNT = JsonBuffer.asciiBytes(",\"amount\":\"");

    static final byte[] PERIOD = JsonBuffer.asciiBytes(",\"period\":\"");
    static final byte[] STAFF_TOTAL = JsonBuffer.asciiBytes(",\"staffTotal\":");
    static final byte[] PHYSICIANS = JsonBuffer.asciiBytes(",\"physicians\":");
    static final byte[] NURSES = JsonBuffer.asciiBytes(",\"nurses\":");
    static final byte[] PHYSICIANS_PER_1000 = JsonBuffer.asciiBytes(",\"physiciansPer1000Residents\":");
    static final byte[] FUNDING = JsonBuffer.asciiBytes(",\"fundingDelivered\":\"");
    static final byte[] CONNECTED = JsonBuffer.asciiBytes(",\"informationSystemConnected\":");
    static final byte[] SECONDED = JsonBuffer.asciiBytes(",\"seniorPhysiciansSeconded\":");
    static final byte[] CAPABILITY_MET = JsonBuffer.asciiBytes(",\"townshipCapabilityStandardMet\":");
    static final byte[] SHARED_VOLUME = JsonBuffer.asciiBytes(",\"sharedCentreServiceVolume\":");

    private Fields() {
    }

    /** {@code ,"name":"value"} for an ASCII value. */
    static void text(JsonBuffer out, byte[] token, String asciiValue) {
        out.raw(token).ascii(asciiValue).raw('"');
    }
}
