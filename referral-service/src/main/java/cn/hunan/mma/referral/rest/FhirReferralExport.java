package cn.hunan.mma.referral.rest;

import cn.hunan.mma.referral.domain.ReferralStatus;
import cn.hunan.mma.referral.persistence.ReferralEntity;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A referral as FHIR R4: a collection Bundle of a ServiceRequest (what was asked, by whom, of whom)
 * and a Task (where it stands). Task.status follows the lifecycle ({@link #taskStatus}); the exact
 * state goes in Task.businessStatus. Built by hand: two resources do not need a FHIR library.
 */
final class FhirReferralExport {

    static final String MEDIA_TYPE = "application/fhir+json";
    private static final String STATE_SYSTEM = "https://mma.hunan.gov.cn/fhir/CodeSystem/referral-state";
    private static final String INSTITUTION_SYSTEM = "https://mma.hunan.gov.cn/fhir/NamingSystem/institution-id";
    private static final String PSEUDONYM_SYSTEM = "https://mma.hunan.gov.cn/fhir/NamingSystem/patient-pseudonym";
    private static final String REFERRAL_SYSTEM = "https://mma.hunan.gov.cn/fhir/NamingSystem/referral-id";
    private static final String ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FhirReferralExport() {
    }

    /** Task.status (http://hl7.org/fhir/task-status) for each lifecycle state. */
    static String taskStatus(ReferralStatus status) {
        return switch (status) {
            case REQUESTED -> "requested";
            case PLATFORM_APPROVED -> "received";
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
            case SCHEDULED -> "ready";
            case ARRIVED, IN_TREATMENT -> "in-progress";
            case NO_SHOW -> "failed";
            case CANCELLED -> "cancelled";
            case COMPLETED, FOLLOWED_UP -> "completed";
        };
    }

    /** ServiceRequest.status (http://hl7.org/fhir/request-status): the request stays active until it ends. */
    static String serviceRequestStatus(ReferralStatus status) {
        return switch (status) {
            case REJECTED, NO_SHOW, CANCELLED -> "revoked";
            case COMPLETED, FOLLOWED_UP -> "completed";
            default -> "active";
        };
    }

    static ObjectNode bundle(ReferralEntity referral) {
        ObjectNode bundle = JSON.objectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        entries.addObject().put("fullUrl", "urn:uuid:sr-" + referral.id()).set("resource", serviceRequest(referral));
        entries.addObject().put("fullUrl", "urn:uuid:task-" + referral.id()).set("resource", task(referral));
        return bundle;
    }

    private static ObjectNode serviceRequest(ReferralEntity r) {
        ObjectNode request = JSON.objectNode().put("resourceType", "ServiceRequest").put("id", "sr-" + r.id());
        request.putArray("identifier").add(identifier(REFERRAL_SYSTEM, r.id()));
        request.put("status", serviceRequestStatus(r.status())).put("intent", "order");
        // SNOMED CT 3457005 |Patient referral|
        request.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://snomed.info/sct").put("code", "3457005").put("display", "Patient referral");
        request.put("priority", switch (r.urgency()) {
            case ROUTINE -> "routine";
            case URGENT -> "urgent";
            case EMERGENCY -> "stat";
        });
        request.set("subject", JSON.objectNode().set("identifier", identifier(PSEUDONYM_SYSTEM, r.patientPseudonym())));
        request.put("authoredOn", r.requestedAt().toString());
        request.set("requester", organization(r.sender().institutionId().value()));
        request.putArray("performer").add(organization(r.receiver().institutionId().value()));
        request.putArray("reasonCode").addObject().put("text", r.reason()).putArray("coding").addObject()
                .put("system", ICD10_SYSTEM).put("code", r.diagnosis());
        ArrayNode info = request.putArray("supportingInfo");
        r.attachmentRefs().forEach(ref -> info.addObject().put("reference", ref));
        return request;
    }

    private static ObjectNode task(ReferralEntity r) {
        ObjectNode task = JSON.objectNode().put("resourceType", "Task").put("id", "task-" + r.id());
        task.putArray("basedOn").addObject().put("reference", "urn:uuid:sr-" + r.id());
        task.put("status", taskStatus(r.status()));
        task.set("businessStatus", JSON.objectNode().put("text", r.status().name())
                .set("coding", JSON.arrayNode().add(JSON.objectNode().put("system", STATE_SYSTEM).put("code", r.status().name()))));
        task.put("intent", "order");
        task.set("focus", JSON.objectNode().put("reference", "urn:uuid:sr-" + r.id()));
        task.set("for", JSON.objectNode().set("identifier", identifier(PSEUDONYM_SYSTEM, r.patientPseudonym())));
        task.put("authoredOn", r.requestedAt().toString()).put("lastModified", r.updatedAt().toString());
        task.set("requester", organization(r.sender().institutionId().value()));
        task.set("owner", organization(r.receiver().institutionId().value()));
        if (r.rejectionReason() != null) {
            task.set("statusReason", JSON.objectNode().put("text", r.rejectionCode() + ": " + r.rejectionReason()));
        }
        if (r.dischargeSummaryRef() != null) {
            task.putArray("output").addObject()
                    .<ObjectNode>set("type", JSON.objectNode().put("text", "discharge-summary"))
                    .set("valueReference", JSON.objectNode().put("reference", r.dischargeSummaryRef()));
        }
        return task;
    }

    private static ObjectNode organization(String institutionId) {
        return JSON.objectNode().put("type", "Organization").set("identifier", identifier(INSTITUTION_SYSTEM, institutionId));
    }

    private static ObjectNode identifier(String system, String value) {
        return JSON.objectNode().put("system", system).put("value", value);
    }
}
