package vn.ocop.evaluation.rating;

/** A ground on which a dossier is rejected outright ("Hồ sơ bị loại khi…"), e.g. a forged dossier: no scoring counts. */
public record KnockOutGround(String code, String text) {
}
