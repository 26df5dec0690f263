package cn.hunan.mma.settlement.rest;

/** Why a closed period is reopened; stored in the audit trail. */
public record ReopenRequest(String reason) {
}
