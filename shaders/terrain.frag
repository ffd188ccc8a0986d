// Colour-mapped by height, lit with flat normals from screen-space derivatives.
precision highp float;

#include "colormap.glsl"
#include "lighting.glsl"

uniform int u_colormap;

in vec3 v_world;
in float v_value;

out vec4 fragColor;

void main() {
    vec3 n = normalize(cross(dFdx(v_world), dFdy(v_world)));
    if (n.y < 0.0) {
        n = -n;
    }
    fragColor = vec4(colormap(u_colormap, v_value) * lambert(n), 1.0);
}
