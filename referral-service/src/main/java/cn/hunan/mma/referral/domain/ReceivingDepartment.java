package cn.hunan.mma.referral.domain;

/**
 * What the matrix has stated about a referral's receiving department.
 *
 * @param anyStated whether the matrix states any department of the receiving institution
 * @param stated    whether it states the department the referral names
 */
public record ReceivingDepartment(boolean anyStated, boolean stated) {

    /**
     * Refused only where the matrix contradicts the referral: it lists the institution's departments and this one is
     * not among them. While it lists none, any department is taken: navigation states an institution before its
     * departments (and may never state those of a hospital outside its registry), and refusing then would stop every
     * referral to a hospital the matrix knows.
     */
    public boolean receivable() {
        return stated || !anyStated;
    }
}
