// a shader that exists only on the test class path, for the registry's shaders check
