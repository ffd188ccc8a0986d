// Soft round dot.
precision highp float;

uniform float u_opacity;

in vec2 v_corner;
in vec3 v_color;

out vec4 fragColor;

void main() {
    float d = length(v_corner) * 2.0;
    if (d > 1.0) {
        discard;
    }
    fragColor = vec4(v_color, u_opacity * (1.0 - smoothstep(0.4, 1.0, d)));
}
