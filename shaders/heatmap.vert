// A heat map on a unit plane (XY, facing +Z); row 0 at the top.
precision highp float;

in vec3 position;

uniform mat4 u_projection;
uniform mat4 u_view;
uniform mat4 u_model;

out vec2 v_uv;

void main() {
    v_uv = position.xy + 0.5;
    gl_Position = u_projection * u_view * u_model * vec4(position, 1.0);
}
