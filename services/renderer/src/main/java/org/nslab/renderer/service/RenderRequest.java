package org.nslab.renderer.service;

/** What to render: a scene description (JSON) at a size, as a still at {@code time} or a clip of {@code duration} seconds. */
public record RenderRequest(String sceneJson, int width, int height, Format format, double time, double duration, int fps,
                            boolean labels) {

    public enum Format {
        PNG("png", "image/png"), GIF("gif", "image/gif"), MP4("mp4", "video/mp4");

        public final String extension;
        public final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public boolean isClip() {
            return this != PNG;
        }
    }
}
