package org.nslab.renderer.gl;

import static org.lwjgl.opengles.GLES20.GL_ARRAY_BUFFER;
import static org.lwjgl.opengles.GLES20.GL_BACK;
import static org.lwjgl.opengles.GLES20.GL_BLEND;
import static org.lwjgl.opengles.GLES20.GL_CCW;
import static org.lwjgl.opengles.GLES20.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengles.GLES20.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengles.GLES20.GL_CULL_FACE;
import static org.lwjgl.opengles.GLES20.GL_DEPTH_BUFFER_BIT;
import static org.lwjgl.opengles.GLES20.GL_DEPTH_TEST;
import static org.lwjgl.opengles.GLES20.GL_ELEMENT_ARRAY_BUFFER;
import static org.lwjgl.opengles.GLES20.GL_FLOAT;
import static org.lwjgl.opengles.GLES20.GL_FUNC_ADD;
import static org.lwjgl.opengles.GLES20.GL_LEQUAL;
import static org.lwjgl.opengles.GLES20.GL_NEAREST;
import static org.lwjgl.opengles.GLES20.GL_NO_ERROR;
import static org.lwjgl.opengles.GLES20.GL_ONE;
import static org.lwjgl.opengles.GLES20.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengles.GLES20.GL_SRC_ALPHA;
import static org.lwjgl.opengles.GLES20.GL_STATIC_DRAW;
import static org.lwjgl.opengles.GLES20.GL_TEXTURE0;
import static org.lwjgl.opengles.GLES20.GL_TEXTURE_2D;
import static org.lwjgl.opengles.GLES20.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengles.GLES20.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengles.GLES20.GL_TEXTURE_WRAP_S;
import static org.lwjgl.opengles.GLES20.GL_TEXTURE_WRAP_T;
import static org.lwjgl.opengles.GLES20.GL_TRIANGLES;
import static org.lwjgl.opengles.GLES20.GL_UNPACK_ALIGNMENT;
import static org.lwjgl.opengles.GLES20.GL_UNSIGNED_INT;
import static org.lwjgl.opengles.GLES20.glActiveTexture;
import static org.lwjgl.opengles.GLES20.glBindBuffer;
import static org.lwjgl.opengles.GLES20.glBindTexture;
import static org.lwjgl.opengles.GLES20.glBlendEquation;
import static org.lwjgl.opengles.GLES20.glBlendFuncSeparate;
import static org.lwjgl.opengles.GLES20.glBufferData;
import static org.lwjgl.opengles.GLES20.glClear;
import static org.lwjgl.opengles.GLES20.glClearColor;
import static org.lwjgl.opengles.GLES20.glCullFace;
import static org.lwjgl.opengles.GLES20.glDeleteBuffers;
import static org.lwjgl.opengles.GLES20.glDeleteTextures;
import static org.lwjgl.opengles.GLES20.glDepthFunc;
import static org.lwjgl.opengles.GLES20.glDepthMask;
import static org.lwjgl.opengles.GLES20.glDisable;
import static org.lwjgl.opengles.GLES20.glDrawElements;
import static org.lwjgl.opengles.GLES20.glEnable;
import static org.lwjgl.opengles.GLES20.glEnableVertexAttribArray;
import static org.lwjgl.opengles.GLES20.glFinish;
import static org.lwjgl.opengles.GLES20.glFrontFace;
import static org.lwjgl.opengles.GLES20.glGenBuffers;
import static org.lwjgl.opengles.GLES20.glGenTextures;
import static org.lwjgl.opengles.GLES20.glGetError;
import static org.lwjgl.opengles.GLES20.glPixelStorei;
import static org.lwjgl.opengles.GLES20.glTexParameteri;
import static org.lwjgl.opengles.GLES20.glUniform1f;
import static org.lwjgl.opengles.GLES20.glUniform1i;
import static org.lwjgl.opengles.GLES20.glUniform2f;
import static org.lwjgl.opengles.GLES20.glUniform3f;
import static org.lwjgl.opengles.GLES20.glUniform3fv;
import static org.lwjgl.opengles.GLES20.glUniformMatrix4fv;
import static org.lwjgl.opengles.GLES20.glUseProgram;
import static org.lwjgl.opengles.GLES20.glVertexAttribPointer;
import static org.lwjgl.opengles.GLES30.GL_R32F;
import static org.lwjgl.opengles.GLES30.GL_RED;
import static org.lwjgl.opengles.GLES30.glBindVertexArray;
import static org.lwjgl.opengles.GLES30.glDeleteVertexArrays;
import static org.lwjgl.opengles.GLES30.glDrawElementsInstanced;
import static org.lwjgl.opengles.GLES30.glGenVertexArrays;
import static org.lwjgl.opengles.GLES30.glTexImage2D;
import static org.lwjgl.opengles.GLES30.glUniform1ui;
import static org.lwjgl.system.MemoryUtil.memAllocFloat;
import static org.lwjgl.system.MemoryUtil.memAllocInt;
import static org.lwjgl.system.MemoryUtil.memFree;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nslab.sdk.scene.Geometry;
import org.nslab.sdk.scene.Scene;
import org.nslab.sdk.scene.SceneMath;

/**
 * A scene uploaded to the current GL context: vertex arrays, buffers and textures, drawn at any time
 * with the same draw order, GL state and uniforms as the browser runtime
 * ({@code modules/sdk/scene/js/src/runtime.js}). {@link #close()} deletes every GL object it created.
 */
public final class GlScene implements AutoCloseable {

    private static final float[] QUAD = {-1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 1, 0};
    private static final int[] QUAD_INDEX = {0, 1, 2, 0, 2, 3};
    private static final float[] CORNERS = {-0.5f, -0.5f, 0, 0.5f, -0.5f, 0, 0.5f, 0.5f, 0, -0.5f, 0.5f, 0};

    /** What the per-draw uniform setters read: the frame's camera and time. */
    private static final class Frame {
        float[] projection;
        float[] view;
        float time;
        int width;
        int height;
    }

    private record Item(GlProgram program, int vao, int indexCount, int instances, boolean transparent, boolean additive,
                        boolean cull, boolean depthTest, int texture, Consumer<Frame> uniforms) {
    }

    private final Scene scene;
    private final List<Item> items = new ArrayList<>();
    private final List<Integer> buffers = new ArrayList<>();
    private final List<Integer> vaos = new ArrayList<>();
    private final List<Integer> textures = new ArrayList<>();
    private final Frame frame = new Frame();

    /**
     * @throws ShaderCompileException when a program fails to compile; everything created so far is deleted
     */
    public GlScene(Scene scene, ProgramCache programs) {
        this.scene = scene;
        try {
            upload(programs);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void upload(ProgramCache programs) {
        Scene.Background bg = scene.background();
        float[] top = rgb(bg.top());
        float[] bottom = rgb(bg.bottom());
        GlProgram background = programs.get(bg.shader());
        add(background, QUAD, null, null, QUAD_INDEX, 0, false, false, false, false, 0, f -> {
            vec3(background, "u_top", top);
            vec3(background, "u_bottom", bottom);
            glUniform2f(background.uniform("u_resolution"), f.width, f.height);
        });
        for (Scene.Terrain t : scene.terrains()) {
            GlProgram p = programs.get(t.shader());
            float[] model = SceneMath.toFloats(SceneMath.model(t.position(), new double[3], new double[] {1, 1, 1}));
            int colormap = t.colormap().ordinal();
            Geometry g = Geometry.terrain(t);
            add(p, g.positions(), g.normals(), g.values(), g.indices(), 0, false, false, false, true, 0, f -> {
                camera(p, f, model);
                glUniform1i(p.uniform("u_colormap"), colormap);
                lights(p);
            });
        }
        for (Scene.HeatMap h : scene.heatmaps()) {
            GlProgram p = programs.get(h.shader());
            float[] model = SceneMath.toFloats(SceneMath.model(h.position(), h.rotation(), h.scale()));
            int texture = valuesTexture(h);
            Geometry g = Geometry.plane();
            float opacity = h.opacity().floatValue();
            add(p, g.positions(), null, null, g.indices(), 0, opacity < 1, false, false, true, texture, f -> {
                camera(p, f, model);
                glUniform1i(p.uniform("u_values"), 0);
                glUniform1i(p.uniform("u_rows"), h.rows());
                glUniform1i(p.uniform("u_cols"), h.cols());
                glUniform2f(p.uniform("u_domain"), (float) h.domain()[0], (float) h.domain()[1]);
                glUniform1i(p.uniform("u_colormap"), h.colormap().ordinal());
                glUniform1f(p.uniform("u_opacity"), opacity);
            });
        }
        for (Scene.Mesh m : scene.meshes()) {
            Scene.Material mat = m.material();
            GlProgram p = programs.get(mat.shader());
            float[] model = SceneMath.toFloats(SceneMath.model(m.position(), m.rotation(), m.scale()));
            float[] color = rgb(mat.color());
            float[] emissive = rgb(mat.emissive());
            float opacity = mat.opacity().floatValue();
            Geometry g = Geometry.of(m.primitive(), m.segments());
            add(p, g.positions(), g.normals(), null, g.indices(), 0, opacity < 1, false, true, true, 0, f -> {
                camera(p, f, model);
                vec3(p, "u_color", color);
                vec3(p, "u_emissive", emissive);
                glUniform1f(p.uniform("u_opacity"), opacity);
                lights(p);
            });
        }
        for (Scene.Particles ps : scene.particles()) {
            GlProgram p = programs.get(ps.shader());
            float[] points = new float[48];
            for (int i = 0; i < ps.emitter().points().size(); i++) {
                double[] pt = ps.emitter().points().get(i);
                points[i * 3] = (float) pt[0];
                points[i * 3 + 1] = (float) pt[1];
                points[i * 3 + 2] = (float) pt[2];
            }
            float[] colors = new float[12];
            for (int i = 0; i < ps.colors().size(); i++) {
                System.arraycopy(rgb(ps.colors().get(i)), 0, colors, i * 3, 3);
            }
            float[] center = SceneMath.toFloats(ps.emitter().center());
            add(p, CORNERS, null, null, QUAD_INDEX, ps.count(), true, ps.blending() == Scene.Blending.additive, false, true, 0, f -> {
                glUniformMatrix4fv(p.uniform("u_projection"), false, f.projection);
                glUniformMatrix4fv(p.uniform("u_view"), false, f.view);
                glUniform1f(p.uniform("u_time"), f.time);
                glUniform1ui(p.uniform("u_seed"), (int) (long) ps.seed());
                glUniform1i(p.uniform("u_emitter"), ps.emitter().type() == Scene.EmitterType.path ? 0 : 1);
                glUniform3fv(p.uniform("u_points"), points);
                glUniform1i(p.uniform("u_pointCount"), ps.emitter().points().size());
                glUniform1f(p.uniform("u_spread"), ps.emitter().spread().floatValue());
                vec3(p, "u_center", center);
                glUniform1f(p.uniform("u_radius"), ps.emitter().radius().floatValue());
                glUniform1f(p.uniform("u_speed"), ps.speed().floatValue());
                glUniform2f(p.uniform("u_size"), (float) ps.size()[0], (float) ps.size()[1]);
                glUniform3fv(p.uniform("u_colors"), colors);
                glUniform1i(p.uniform("u_colorCount"), ps.colors().size());
                glUniform1f(p.uniform("u_opacity"), ps.opacity().floatValue());
            });
        }
        int error = glGetError();
        if (error != GL_NO_ERROR) {
            throw new GlException("GL error 0x" + Integer.toHexString(error) + " while uploading the scene");
        }
    }

    /** Draws the scene at time {@code t} into the bound framebuffer of the given size, and waits for it. */
    public void draw(double t, int width, int height) {
        SceneMath.CameraState c = SceneMath.cameraAt(scene, t);
        double[] projection = SceneMath.perspective(c.fov(), width / (double) height, c.near(), c.far());
        frame.projection = SceneMath.toFloats(projection);
        frame.view = SceneMath.toFloats(SceneMath.lookAt(c.position(), c.target()));
        frame.time = (float) t;
        frame.width = width;
        frame.height = height;

        glDepthMask(true);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        glDepthFunc(GL_LEQUAL);
        glFrontFace(GL_CCW);
        glCullFace(GL_BACK);
        glBlendEquation(GL_FUNC_ADD);
        for (boolean transparentPass : new boolean[] {false, true}) {
            for (Item item : items) {
                if (item.transparent() == transparentPass) {
                    draw(item);
                }
            }
        }
        glBindVertexArray(0);
        glUseProgram(0);
        glFinish();
    }

    private void draw(Item item) {
        setEnabled(GL_CULL_FACE, item.cull());
        setEnabled(GL_DEPTH_TEST, item.depthTest());
        glDepthMask(item.depthTest() && !item.transparent());
        setEnabled(GL_BLEND, item.transparent());
        if (item.transparent()) {
            int dst = item.additive() ? GL_ONE : GL_ONE_MINUS_SRC_ALPHA;
            glBlendFuncSeparate(GL_SRC_ALPHA, dst, GL_SRC_ALPHA, dst);
        }
        glUseProgram(item.program().id());
        item.uniforms().accept(frame);
        if (item.texture() != 0) {
            glActiveTexture(GL_TEXTURE0);
            glBindTexture(GL_TEXTURE_2D, item.texture());
        }
        glBindVertexArray(item.vao());
        if (item.instances() > 0) {
            glDrawElementsInstanced(GL_TRIANGLES, item.indexCount(), GL_UNSIGNED_INT, 0L, item.instances());
        } else {
            glDrawElements(GL_TRIANGLES, item.indexCount(), GL_UNSIGNED_INT, 0L);
        }
    }

    private static void setEnabled(int capability, boolean on) {
        if (on) {
            glEnable(capability);
        } else {
            glDisable(capability);
        }
    }

    private void add(GlProgram program, float[] positions, float[] normals, float[] values, int[] indices, int instances,
                     boolean transparent, boolean additive, boolean cull, boolean depthTest, int texture, Consumer<Frame> uniforms) {
        int vao = glGenVertexArrays();
        vaos.add(vao);
        glBindVertexArray(vao);
        attribute(program.attribute("position"), positions, 3);
        if (normals != null) {
            attribute(program.attribute("normal"), normals, 3);
        }
        if (values != null) {
            attribute(program.attribute("a_value"), values, 1);
        }
        int indexBuffer = glGenBuffers();
        buffers.add(indexBuffer);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        IntBuffer data = memAllocInt(indices.length);
        try {
            data.put(indices).flip();
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, data, GL_STATIC_DRAW);
        } finally {
            memFree(data);
        }
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        items.add(new Item(program, vao, indices.length, instances, transparent, additive, cull, depthTest, texture, uniforms));
    }

    private void attribute(int location, float[] values, int size) {
        if (location < 0) {
            return;
        }
        int buffer = glGenBuffers();
        buffers.add(buffer);
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        FloatBuffer data = memAllocFloat(values.length);
        try {
            data.put(values).flip();
            glBufferData(GL_ARRAY_BUFFER, data, GL_STATIC_DRAW);
        } finally {
            memFree(data);
        }
        glEnableVertexAttribArray(location);
        glVertexAttribPointer(location, size, GL_FLOAT, false, 0, 0L);
    }

    private int valuesTexture(Scene.HeatMap h) {
        int texture = glGenTextures();
        textures.add(texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        FloatBuffer data = memAllocFloat(h.values().length);
        try {
            for (double v : h.values()) {
                data.put((float) v);
            }
            data.flip();
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, h.cols(), h.rows(), 0, GL_RED, GL_FLOAT, data);
        } finally {
            memFree(data);
        }
        glBindTexture(GL_TEXTURE_2D, 0);
        return texture;
    }

    private static void camera(GlProgram p, Frame f, float[] model) {
        glUniformMatrix4fv(p.uniform("u_projection"), false, f.projection);
        glUniformMatrix4fv(p.uniform("u_view"), false, f.view);
        glUniformMatrix4fv(p.uniform("u_model"), false, model);
    }

    private void lights(GlProgram p) {
        Scene.Lights lights = scene.lights();
        double[] ambient = SceneMath.color(lights.ambient().color());
        double ai = lights.ambient().intensity();
        glUniform3f(p.uniform("u_ambient"), (float) (ambient[0] * ai), (float) (ambient[1] * ai), (float) (ambient[2] * ai));
        float[] directions = new float[12];
        float[] colors = new float[12];
        for (int i = 0; i < lights.directional().size(); i++) {
            Scene.Directional d = lights.directional().get(i);
            double[] c = SceneMath.color(d.color());
            for (int k = 0; k < 3; k++) {
                directions[i * 3 + k] = (float) d.direction()[k];
                colors[i * 3 + k] = (float) (c[k] * d.intensity());
            }
        }
        glUniform3fv(p.uniform("u_lightDirections"), directions);
        glUniform3fv(p.uniform("u_lightColors"), colors);
        glUniform1i(p.uniform("u_lightCount"), lights.directional().size());
    }

    private static void vec3(GlProgram p, String name, float[] v) {
        glUniform3f(p.uniform(name), v[0], v[1], v[2]);
    }

    private static float[] rgb(String hex) {
        return SceneMath.toFloats(SceneMath.color(hex));
    }

    /** GL objects this scene holds (vertex arrays, buffers, textures), for leak checks. */
    public int objectCount() {
        return vaos.size() + buffers.size() + textures.size();
    }

    @Override
    public void close() {
        glBindVertexArray(0);
        vaos.forEach(v -> glDeleteVertexArrays(v));
        buffers.forEach(b -> glDeleteBuffers(b));
        textures.forEach(t -> glDeleteTextures(t));
        vaos.clear();
        buffers.clear();
        textures.clear();
        items.clear();
    }
}
