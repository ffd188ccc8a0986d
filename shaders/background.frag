// Vertical gradient from u_bottom to u_top.
precision highp float;

uniform vec3 u_top;
uniform vec3 u_bottom;
uniform vec2 u_resolution;

out vec4 fragColor;

void main() {
    float y = gl_FragCoord.y / u_resolution.y;
    fragColor = vec4(mix(u_bottom, u_top, y), 1.0);
}
