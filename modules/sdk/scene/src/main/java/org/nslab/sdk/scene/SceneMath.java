package org.nslab.sdk.scene;

import java.util.List;

/**
 * Camera path evaluation and the matrices both sides feed to the shaders (column-major, as GL expects).
 * Computed in double with {@link StrictMath} (fdlibm, as in V8), so the browser runtime
 * ({@code js/src/math.js}, the same formulas line by line) gets the same float32 uniforms.
 */
public final class SceneMath {

    private SceneMath() {
    }

    public record CameraState(double[] position, double[] target, double fov, double near, double far) {
    }

    /** Where the camera is at time {@code t} seconds: the path's keyframes eased in between, or the fixed camera. */
    public static CameraState cameraAt(Scene scene, double t) {
        Scene.Camera camera = scene.camera();
        Scene.CameraPath path = scene.cameraPath();
        if (path == null) {
            return new CameraState(camera.position(), camera.target(), camera.fov(), camera.near(), camera.far());
        }
        List<Scene.Keyframe> keys = path.keyframes();
        Scene.Keyframe last = keys.get(keys.size() - 1);
        double time = t;
        if (path.loop() && last.time() > 0) {
            time = t - StrictMath.floor(t / last.time()) * last.time();
        }
        if (time <= keys.get(0).time()) {
            return state(camera, keys.get(0));
        }
        if (time >= last.time()) {
            return state(camera, last);
        }
        int i = 0;
        while (keys.get(i + 1).time() < time) {
            i++;
        }
        Scene.Keyframe a = keys.get(i);
        Scene.Keyframe b = keys.get(i + 1);
        double u = b.easing().apply((time - a.time()) / (b.time() - a.time()));
        double fovA = a.fov() == null ? camera.fov() : a.fov();
        double fovB = b.fov() == null ? camera.fov() : b.fov();
        return new CameraState(lerp(a.position(), b.position(), u), lerp(a.target(), b.target(), u), fovA + (fovB - fovA) * u,
                camera.near(), camera.far());
    }

    private static CameraState state(Scene.Camera camera, Scene.Keyframe k) {
        return new CameraState(k.position(), k.target(), k.fov() == null ? camera.fov() : k.fov(), camera.near(), camera.far());
    }

    private static double[] lerp(double[] a, double[] b, double u) {
        return new double[] {a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u};
    }

    /** OpenGL perspective projection; {@code fov} is the vertical field of view in degrees. */
    public static double[] perspective(double fov, double aspect, double near, double far) {
        double f = 1 / StrictMath.tan(fov * StrictMath.PI / 360);
        double[] m = new double[16];
        m[0] = f / aspect;
        m[5] = f;
        m[10] = (far + near) / (near - far);
        m[11] = -1;
        m[14] = 2 * far * near / (near - far);
        return m;
    }

    /** View matrix looking from {@code eye} at {@code target}, +Y up (+Z up when looking straight up or down). */
    public static double[] lookAt(double[] eye, double[] target) {
        double[] z = normalize(new double[] {eye[0] - target[0], eye[1] - target[1], eye[2] - target[2]});
        double[] up = StrictMath.abs(z[1]) > 0.999999 ? new double[] {0, 0, 1} : new double[] {0, 1, 0};
        double[] x = normalize(cross(up, z));
        double[] y = cross(z, x);
        return new double[] {
            x[0], y[0], z[0], 0,
            x[1], y[1], z[1], 0,
            x[2], y[2], z[2], 0,
            -dot(x, eye), -dot(y, eye), -dot(z, eye), 1};
    }

    /** Model matrix T · Rx · Ry · Rz · S, rotation in degrees. */
    public static double[] model(double[] position, double[] rotationDegrees, double[] scale) {
        double ax = rotationDegrees[0] * StrictMath.PI / 180;
        double ay = rotationDegrees[1] * StrictMath.PI / 180;
        double az = rotationDegrees[2] * StrictMath.PI / 180;
        double cx = StrictMath.cos(ax), sx = StrictMath.sin(ax);
        double cy = StrictMath.cos(ay), sy = StrictMath.sin(ay);
        double cz = StrictMath.cos(az), sz = StrictMath.sin(az);
        // Rows of R = Rx * Ry * Rz
        double r00 = cy * cz, r01 = -cy * sz, r02 = sy;
        double r10 = cx * sz + sx * sy * cz, r11 = cx * cz - sx * sy * sz, r12 = -sx * cy;
        double r20 = sx * sz - cx * sy * cz, r21 = sx * cz + cx * sy * sz, r22 = cx * cy;
        return new double[] {
            r00 * scale[0], r10 * scale[0], r20 * scale[0], 0,
            r01 * scale[1], r11 * scale[1], r21 * scale[1], 0,
            r02 * scale[2], r12 * scale[2], r22 * scale[2], 0,
            position[0], position[1], position[2], 1};
    }

    /** a · b for column-major 4×4 matrices. */
    public static double[] multiply(double[] a, double[] b) {
        double[] m = new double[16];
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 4; row++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[k * 4 + row] * b[col * 4 + k];
                }
                m[col * 4 + row] = s;
            }
        }
        return m;
    }

    /** Pixel position (x right, y down) of a world point, or null when it is behind the camera. */
    public static double[] toPixel(double[] viewProjection, double[] p, int width, int height) {
        double x = viewProjection[0] * p[0] + viewProjection[4] * p[1] + viewProjection[8] * p[2] + viewProjection[12];
        double y = viewProjection[1] * p[0] + viewProjection[5] * p[1] + viewProjection[9] * p[2] + viewProjection[13];
        double w = viewProjection[3] * p[0] + viewProjection[7] * p[1] + viewProjection[11] * p[2] + viewProjection[15];
        if (w <= 0) {
            return null;
        }
        return new double[] {(x / w * 0.5 + 0.5) * width, (1 - (y / w * 0.5 + 0.5)) * height};
    }

    public static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    /** {@code #rrggbb} as three values in [0, 1]. */
    public static double[] color(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new double[] {((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0, (rgb & 255) / 255.0};
    }

    static double[] normalize(double[] v) {
        double length = StrictMath.sqrt(dot(v, v));
        return new double[] {v[0] / length, v[1] / length, v[2] / length};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
