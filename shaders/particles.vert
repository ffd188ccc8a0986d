// Instanced particles computed on the GPU from gl_InstanceID and a seed, so every side agrees:
// along a polyline (u_emitter 0) or swirling in a ball (u_emitter 1). position is the quad corner.
precision highp float;
precision highp int;

in vec3 position;

uniform mat4 u_projection;
uniform mat4 u_view;
uniform float u_time;
uniform uint u_seed;
uniform int u_emitter;
uniform vec3 u_points[16];
uniform int u_pointCount;
uniform float u_spread;
uniform vec3 u_center;
uniform float u_radius;
uniform float u_speed;
uniform vec2 u_size;
uniform vec3 u_colors[4];
uniform int u_colorCount;

out vec2 v_corner;
out vec3 v_color;

uint mixBits(uint x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

// A uniform number in [0, 1) for this particle and draw k.
float random(uint k) {
    uint particle = uint(gl_InstanceID);
    return float(mixBits(particle * 8u + k + mixBits(u_seed)) >> 8) / 16777216.0;
}

void main() {
    vec3 p;
    if (u_emitter == 0) {
        float s = fract(random(0u) + u_time * u_speed);
        float f = s * float(u_pointCount - 1);
        int i = min(int(f), u_pointCount - 2);
        vec3 jitter = (vec3(random(1u), random(2u), random(3u)) - 0.5) * 2.0 * u_spread;
        p = mix(u_points[i], u_points[i + 1], f - float(i)) + jitter;
    } else {
        float theta = 6.28318530718 * random(1u) + u_time * u_speed;
        float c = 2.0 * random(2u) - 1.0;
        float r = u_radius * pow(random(3u), 1.0 / 3.0);
        float ring = sqrt(max(0.0, 1.0 - c * c));
        p = u_center + r * vec3(ring * cos(theta), c, ring * sin(theta));
    }
    float size = mix(u_size.x, u_size.y, random(4u));
    v_color = u_colors[min(int(random(5u) * float(u_colorCount)), u_colorCount - 1)];
    v_corner = position.xy;
    vec4 viewPosition = u_view * vec4(p, 1.0);
    viewPosition.xy += position.xy * size;
    gl_Position = u_projection * viewPosition;
}
