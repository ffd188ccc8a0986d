package org.nslab.sdk.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SceneMathTest {

    private final Scene journey = new SceneParser(ShaderLibrary.classpath()).parse(Examples.json(Examples.JOURNEY_MAP)).scene();

    @Test
    void easingsRunFromZeroToOne() {
        for (Easing e : Easing.values()) {
            assertEquals(0, e.apply(0), 1e-12, e.name());
            assertEquals(1, e.apply(1), 1e-12, e.name());
            assertEquals(0.5, e.apply(0.5), e == Easing.easeInQuad || e == Easing.easeOutQuad ? 0.26 : 1e-12, e.name());
        }
        assertEquals(0.0625 * 4 * 0.25, Easing.easeInOutCubic.apply(0.25), 1e-12);
    }

    @Test
    void theCameraFollowsItsKeyframes() {
        SceneMath.CameraState start = SceneMath.cameraAt(journey, 0);
        assertArrayEquals(new double[] {-2, 9, 22}, start.position());
        assertEquals(55, start.fov());
        SceneMath.CameraState before = SceneMath.cameraAt(journey, -1);
        assertArrayEquals(start.position(), before.position());
        SceneMath.CameraState at4 = SceneMath.cameraAt(journey, 4);
        assertArrayEquals(new double[] {0, 4, 14}, at4.position());
        // Halfway through the eased second segment (easeInOutCubic(0.5) = 0.5).
        SceneMath.CameraState at2 = SceneMath.cameraAt(journey, 2);
        assertArrayEquals(new double[] {-1, 6.5, 18}, at2.position(), 1e-12);
        assertEquals(52.5, at2.fov(), 1e-12);
        assertArrayEquals(new double[] {6, 2.5, 7}, SceneMath.cameraAt(journey, 99).position());
    }

    @Test
    void aPointInFrontOfTheCameraLandsWhereExpected() {
        double[] view = SceneMath.lookAt(new double[] {0, 0, 10}, new double[] {0, 0, 0});
        double[] viewProjection = SceneMath.multiply(SceneMath.perspective(90, 2, 0.1, 100), view);
        assertArrayEquals(new double[] {640, 360}, SceneMath.toPixel(viewProjection, new double[] {0, 0, 0}, 1280, 720), 1e-9);
        // At distance 10 with a 90° vertical field of view the top edge is at y = 10, the right edge at x = 20.
        assertArrayEquals(new double[] {1280, 0}, SceneMath.toPixel(viewProjection, new double[] {20, 10, 0}, 1280, 720), 1e-9);
        assertNull(SceneMath.toPixel(viewProjection, new double[] {0, 0, 20}, 1280, 720));
    }

    @Test
    void modelMatrixScalesRotatesThenTranslates() {
        double[] m = SceneMath.model(new double[] {1, 2, 3}, new double[] {0, 90, 0}, new double[] {2, 2, 2});
        // (1,0,0) scaled to (2,0,0), turned 90° about Y to (0,0,-2), moved by (1,2,3).
        double x = m[0] * 1 + m[12], y = m[1] * 1 + m[13], z = m[2] * 1 + m[14];
        assertArrayEquals(new double[] {1, 2, 1}, new double[] {x, y, z}, 1e-12);
        assertArrayEquals(new double[] {1, 0, 0}, SceneMath.color("#ff0000"), 0);
    }
}
