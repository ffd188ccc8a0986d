// A deliberately broken program for the bad-input tests: the vertex stage does not compile.
precision highp float;
in vec3 position;
void main() {
    gl_Position = vec4(position, 1.0) * undefinedThing;
}
