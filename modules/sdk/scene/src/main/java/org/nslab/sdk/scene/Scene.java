package org.nslab.sdk.scene;

import java.util.List;

/**
 * A scene description, version 1: what the browser runtime and the renderer service both draw.
 * Absent optional parts get their documented defaults here, once, so both sides read the same values
 * (the JS runtime applies the same defaults in {@code js/src/scene.js}).
 */
public record Scene(int version, String title, Background background, Camera camera, CameraPath cameraPath, Lights lights,
                    List<Mesh> meshes, List<Particles> particles, List<HeatMap> heatmaps, List<Terrain> terrains,
                    List<Label> labels) {

    public static final int VERSION = 1;

    public Scene {
        title = title == null ? "" : title;
        background = background == null ? new Background(null, null, null) : background;
        lights = lights == null ? new Lights(null, null) : lights;
        meshes = meshes == null ? List.of() : List.copyOf(meshes);
        particles = particles == null ? List.of() : List.copyOf(particles);
        heatmaps = heatmaps == null ? List.of() : List.copyOf(heatmaps);
        terrains = terrains == null ? List.of() : List.copyOf(terrains);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** Length of the camera path in seconds (0 without a path). */
    public double pathDuration() {
        return cameraPath == null ? 0 : cameraPath.keyframes().get(cameraPath.keyframes().size() - 1).time();
    }

    public int particleCount() {
        return particles.stream().mapToInt(Particles::count).sum();
    }

    public record Background(String top, String bottom, String shader) {
        public Background {
            top = top == null ? "#0b1026" : top;
            bottom = bottom == null ? "#000000" : bottom;
            shader = shader == null ? "background" : shader;
        }
    }

    public record Camera(double[] position, double[] target, Double fov, Double near, Double far) {
        public Camera {
            fov = fov == null ? 50.0 : fov;
            near = near == null ? 0.1 : near;
            far = far == null ? 1000.0 : far;
        }
    }

    public record CameraPath(Boolean loop, List<Keyframe> keyframes) {
        public CameraPath {
            loop = loop != null && loop;
            keyframes = List.copyOf(keyframes);
        }
    }

    /** {@code fov} null: the camera's; {@code easing} applies to the segment that ends at this keyframe. */
    public record Keyframe(double time, double[] position, double[] target, Double fov, Easing easing) {
        public Keyframe {
            easing = easing == null ? Easing.linear : easing;
        }
    }

    public record Lights(Ambient ambient, List<Directional> directional) {
        public Lights {
            ambient = ambient == null ? new Ambient(null, null) : ambient;
            directional = directional == null ? List.of(new Directional(new double[] {-1, -2, -1.5}, null, null)) : List.copyOf(directional);
        }
    }

    public record Ambient(String color, Double intensity) {
        public Ambient {
            color = color == null ? "#ffffff" : color;
            intensity = intensity == null ? 0.35 : intensity;
        }
    }

    public record Directional(double[] direction, String color, Double intensity) {
        public Directional {
            color = color == null ? "#ffffff" : color;
            intensity = intensity == null ? 0.8 : intensity;
        }
    }

    public record Material(String color, String emissive, Double opacity, String shader) {
        public Material {
            color = color == null ? "#cccccc" : color;
            emissive = emissive == null ? "#000000" : emissive;
            opacity = opacity == null ? 1.0 : opacity;
            shader = shader == null ? "mesh" : shader;
        }
    }

    public enum Primitive { box, sphere, cylinder, plane }

    public record Mesh(String id, Primitive primitive, Integer segments, double[] position, double[] rotation, double[] scale,
                       Material material) {
        public Mesh {
            segments = segments == null ? 32 : segments;
            position = position == null ? new double[3] : position;
            rotation = rotation == null ? new double[3] : rotation;
            scale = scale == null ? new double[] {1, 1, 1} : scale;
            material = material == null ? new Material(null, null, null, null) : material;
        }
    }

    public enum EmitterType { path, sphere }

    public record Emitter(EmitterType type, List<double[]> points, Double spread, double[] center, Double radius) {
        public Emitter {
            points = points == null ? List.of() : List.copyOf(points);
            spread = spread == null ? 0.1 : spread;
            center = center == null ? new double[3] : center;
            radius = radius == null ? 1.0 : radius;
        }
    }

    public enum Blending { additive, normal }

    public record Particles(String id, int count, Long seed, Emitter emitter, Double speed, double[] size, List<String> colors,
                            Double opacity, Blending blending, String shader) {
        public Particles {
            seed = seed == null ? 1L : seed;
            speed = speed == null ? 0.1 : speed;
            size = size == null ? new double[] {0.05, 0.05} : size;
            colors = colors == null ? List.of("#ffffff") : List.copyOf(colors);
            opacity = opacity == null ? 1.0 : opacity;
            blending = blending == null ? Blending.additive : blending;
            shader = shader == null ? "particles" : shader;
        }
    }

    public enum Colormap { viridis, magma, coolwarm, grayscale }

    public record HeatMap(String id, int rows, int cols, double[] values, double[] domain, Colormap colormap, double[] position,
                          double[] rotation, double[] scale, Double opacity, String shader) {
        public HeatMap {
            domain = domain == null ? new double[] {0, 1} : domain;
            colormap = colormap == null ? Colormap.viridis : colormap;
            position = position == null ? new double[3] : position;
            rotation = rotation == null ? new double[3] : rotation;
            scale = scale == null ? new double[] {1, 1, 1} : scale;
            opacity = opacity == null ? 1.0 : opacity;
            shader = shader == null ? "heatmap" : shader;
        }
    }

    public record Terrain(String id, int rows, int cols, double[] heights, double[] size, Double heightScale, Colormap colormap,
                          double[] position, String shader) {
        public Terrain {
            size = size == null ? new double[] {10, 10} : size;
            heightScale = heightScale == null ? 1.0 : heightScale;
            colormap = colormap == null ? Colormap.magma : colormap;
            position = position == null ? new double[3] : position;
            shader = shader == null ? "terrain" : shader;
        }
    }

    /** Text drawn as an overlay on top of the 3D image, on both sides; not part of pixel parity. */
    public record Label(String id, String text, double[] anchor, String color, Double size) {
        public Label {
            color = color == null ? "#ffffff" : color;
            size = size == null ? 16.0 : size;
        }
    }
}
