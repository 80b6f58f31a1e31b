package vn.ocop.evaluation.council;

/** A council member's role: chair (chủ tịch), member (thành viên) or secretary (thư ký). */
public enum MemberRole {
    CHAIR,
    MEMBER,
    /** Keeps the minutes; does not score, so does not count towards the quorum. */
    SECRETARY;

    public boolean scores() {
        return this != SECRETARY;
    }
}
