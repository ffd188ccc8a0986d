package org.nslab.sdk.scene;

/** What is wrong with a scene, at a JSON pointer ({@code /particles/0/count}), in words an author can act on. */
public record Problem(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "scene" : pointer) + ": " + message;
    }
}
