// Ambient plus up to four directional lights (Lambert), in world space.
uniform vec3 u_ambient;
uniform vec3 u_lightDirections[4];
uniform vec3 u_lightColors[4];
uniform int u_lightCount;

vec3 lambert(vec3 normal) {
    vec3 light = u_ambient;
    for (int i = 0; i < 4; i++) {
        if (i >= u_lightCount) {
            break;
        }
        light += u_lightColors[i] * max(dot(normal, normalize(-u_lightDirections[i])), 0.0);
    }
    return light;
}
