package org.nslab.sdk.scene;

import java.util.ArrayList;
import java.util.List;

/** Limits of what one render may ask for, shared by every side that checks a request. */
public final class SceneLimits {

    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 2160;
    public static final int MIN_SIZE = 16;
    public static final int MAX_PARTICLES = 200_000;
    public static final int MAX_FRAMES = 1800;
    public static final int MAX_FPS = 60;
    public static final double MAX_DURATION_SECONDS = 60;
    /** Cells of all heat maps and terrains of one scene together. */
    public static final int MAX_GRID_CELLS = 1 << 20;

    private SceneLimits() {
    }

    /** Problems with an output size and frame count; the fields are named as in a render request. */
    public static List<Problem> checkOutput(int width, int height, double durationSeconds, int fps) {
        List<Problem> problems = new ArrayList<>();
        if (width < MIN_SIZE || width > MAX_WIDTH) {
            problems.add(new Problem("/width", "width must be between " + MIN_SIZE + " and " + MAX_WIDTH + " pixels, was " + width));
        }
        if (height < MIN_SIZE || height > MAX_HEIGHT) {
            problems.add(new Problem("/height", "height must be between " + MIN_SIZE + " and " + MAX_HEIGHT + " pixels, was " + height));
        }
        if (fps < 1 || fps > MAX_FPS) {
            problems.add(new Problem("/fps", "fps must be between 1 and " + MAX_FPS + ", was " + fps));
        }
        if (durationSeconds < 0 || durationSeconds > MAX_DURATION_SECONDS || Double.isNaN(durationSeconds)) {
            problems.add(new Problem("/duration", "duration must be between 0 and " + MAX_DURATION_SECONDS + " seconds, was " + durationSeconds));
        } else if (fps >= 1 && frames(durationSeconds, fps) > MAX_FRAMES) {
            problems.add(new Problem("/duration", "too many frames: " + frames(durationSeconds, fps) + " (duration × fps) exceeds "
                    + MAX_FRAMES));
        }
        return problems;
    }

    /** Frames of a clip: at least one. */
    public static int frames(double durationSeconds, int fps) {
        return Math.max(1, (int) Math.round(durationSeconds * fps));
    }
}
