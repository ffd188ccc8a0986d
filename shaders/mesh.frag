// Lambert-lit colour plus emissive, with opacity.
precision highp float;

#include "lighting.glsl"

uniform vec3 u_color;
uniform vec3 u_emissive;
uniform float u_opacity;

in vec3 v_normal;

out vec4 fragColor;

void main() {
    vec3 n = normalize(v_normal);
    fragColor = vec4(u_color * lambert(n) + u_emissive, u_opacity);
}
