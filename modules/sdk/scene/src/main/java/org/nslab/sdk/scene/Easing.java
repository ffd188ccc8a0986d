package org.nslab.sdk.scene;

/** Easing curves of camera-path segments; the JS runtime has the same formulas ({@code js/src/math.js}). */
public enum Easing {
    linear, easeInQuad, easeOutQuad, easeInOutQuad, easeInOutCubic, easeInOutSine;

    /** Maps {@code u} in [0, 1] to [0, 1]. */
    public double apply(double u) {
        return switch (this) {
            case linear -> u;
            case easeInQuad -> u * u;
            case easeOutQuad -> u * (2 - u);
            case easeInOutQuad -> u < 0.5 ? 2 * u * u : -1 + (4 - 2 * u) * u;
            case easeInOutCubic -> u < 0.5 ? 4 * u * u * u : (u - 1) * (2 * u - 2) * (2 * u - 2) + 1;
            case easeInOutSine -> -(StrictMath.cos(StrictMath.PI * u) - 1) / 2;
        };
    }
}
