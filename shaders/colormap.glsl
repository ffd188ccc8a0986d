// Colour maps as five evenly spaced stops, linearly interpolated: 0 viridis, 1 magma, 2 coolwarm, 3 grayscale.
vec3 colormapStop(int map, int i) {
    if (map == 0) {
        vec3 s[5] = vec3[5](vec3(0.267, 0.005, 0.329), vec3(0.231, 0.322, 0.545), vec3(0.129, 0.569, 0.549),
                            vec3(0.369, 0.788, 0.384), vec3(0.992, 0.906, 0.145));
        return s[i];
    }
    if (map == 1) {
        vec3 s[5] = vec3[5](vec3(0.0, 0.0, 0.016), vec3(0.318, 0.071, 0.486), vec3(0.718, 0.216, 0.475),
                            vec3(0.988, 0.537, 0.380), vec3(0.988, 0.992, 0.749));
        return s[i];
    }
    if (map == 2) {
        vec3 s[5] = vec3[5](vec3(0.231, 0.298, 0.753), vec3(0.553, 0.690, 0.996), vec3(0.867, 0.867, 0.867),
                            vec3(0.957, 0.604, 0.482), vec3(0.706, 0.016, 0.149));
        return s[i];
    }
    return vec3(float(i) / 4.0);
}

vec3 colormap(int map, float value) {
    float x = clamp(value, 0.0, 1.0) * 4.0;
    int i = min(int(floor(x)), 3);
    return mix(colormapStop(map, i), colormapStop(map, i + 1), x - float(i));
}
