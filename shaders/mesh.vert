// Meshes (box, sphere, cylinder, plane): world-space position and normal for Lambert shading.
precision highp float;

in vec3 position;
in vec3 normal;

uniform mat4 u_projection;
uniform mat4 u_view;
uniform mat4 u_model;

out vec3 v_normal;

void main() {
    v_normal = normalize(transpose(inverse(mat3(u_model))) * normal);
    gl_Position = u_projection * u_view * u_model * vec4(position, 1.0);
}
