package vn.ocop.evaluation.rating;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a closed evaluation leads to (the values of {@code ProductRated.outcome}). */
@Schema(name = "RatingOutcome")
public enum Outcome {
    /** 3★ or more that this result's level may recognise (province 3–4★; central 5★, or 3–4★ for the province to recognise). */
    CERTIFIABLE,
    /** A provincial 5★ result: "potential 5★", sent to the central council; nothing is certified from it. */
    FIVE_STAR_NOMINATED,
    /** 1★ or 2★: no certificate. */
    BELOW_THREE_STARS,
    /** A knock-out ground was upheld: the scores do not count. */
    KNOCKED_OUT
}
