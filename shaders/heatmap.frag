// One cell per matrix value, coloured through a colour map over u_domain.
precision highp float;
precision highp int;

#include "colormap.glsl"

uniform highp sampler2D u_values;
uniform int u_rows;
uniform int u_cols;
uniform vec2 u_domain;
uniform int u_colormap;
uniform float u_opacity;

in vec2 v_uv;

out vec4 fragColor;

void main() {
    int col = min(int(floor(v_uv.x * float(u_cols))), u_cols - 1);
    int row = min(int(floor((1.0 - v_uv.y) * float(u_rows))), u_rows - 1);
    float value = texelFetch(u_values, ivec2(col, row), 0).r;
    float t = (value - u_domain.x) / (u_domain.y - u_domain.x);
    fragColor = vec4(colormap(u_colormap, t), u_opacity);
}
