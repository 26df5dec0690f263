/**
 * The period-close formulas of DOMAIN.md §7, framework-free, shared by insurance-settlement-service's
 * close and factor-scoring-service's live surplus projection so the two cannot drift apart.
 */
package cn.hunan.mma.settlement.rules;
