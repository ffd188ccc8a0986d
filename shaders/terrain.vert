// A height grid (loss landscape); a_value is the height mapped to [0, 1].
precision highp float;

in vec3 position;
in float a_value;

uniform mat4 u_projection;
uniform mat4 u_view;
uniform mat4 u_model;

out vec3 v_world;
out float v_value;

void main() {
    vec4 world = u_model * vec4(position, 1.0);
    v_world = world.xyz;
    v_value = a_value;
    gl_Position = u_projection * u_view * world;
}
