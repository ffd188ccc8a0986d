package org.nslab.sdk.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void primitivesHaveTheDocumentedSizes() {
        assertEquals(24, Geometry.box().vertexCount());
        assertEquals(36, Geometry.box().indices().length);
        Geometry sphere = Geometry.sphere(8, 4);
        assertEquals(45, sphere.vertexCount());
        assertEquals(8 * 4 * 6, sphere.indices().length);
        assertEquals(4 * 9 + 2, Geometry.cylinder(8).vertexCount());
        assertEquals(4, Geometry.plane().vertexCount());
        for (Geometry g : new Geometry[] {Geometry.box(), sphere, Geometry.cylinder(8), Geometry.plane()}) {
            for (float p : g.positions()) {
                assertTrue(Math.abs(p) <= 0.5f + 1e-6f);
            }
            for (int i : g.indices()) {
                assertTrue(i >= 0 && i < g.vertexCount());
            }
        }
    }

    @Test
    void trianglesFaceOutwards() {
        for (Geometry g : new Geometry[] {Geometry.box(), Geometry.sphere(16, 8), Geometry.cylinder(12)}) {
            float[] p = g.positions();
            int[] ix = g.indices();
            for (int t = 0; t < ix.length; t += 3) {
                double[] a = vertex(p, ix[t]), b = vertex(p, ix[t + 1]), c = vertex(p, ix[t + 2]);
                double[] n = SceneMath.cross(sub(b, a), sub(c, a));
                double[] centre = {(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3, (a[2] + b[2] + c[2]) / 3};
                if (SceneMath.dot(n, n) > 1e-12) {
                    assertTrue(SceneMath.dot(n, centre) > 0, "triangle " + t / 3 + " faces inwards");
                }
            }
        }
    }

    @Test
    void terrainMapsHeightsToValues() {
        Scene.Terrain t = new Scene.Terrain("t", 2, 3, new double[] {0, 1, 2, 3, 4, 4}, new double[] {4, 2}, 0.5, null, null, null);
        Geometry g = Geometry.terrain(t);
        assertEquals(6, g.vertexCount());
        assertEquals(2 * 2 * 3, g.indices().length);
        assertEquals(-2f, g.positions()[0]);
        assertEquals(-1f, g.positions()[2]);
        assertEquals(2f, g.positions()[5 * 3 + 1]);
        assertEquals(1f, g.values()[5]);
        assertEquals(0.25f, g.values()[1]);
    }

    private static double[] vertex(float[] p, int i) {
        return new double[] {p[i * 3], p[i * 3 + 1], p[i * 3 + 2]};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }
}
