package org.nslab.renderer.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import org.nslab.sdk.scene.Scene;
import org.nslab.sdk.scene.SceneMath;

/**
 * Draws a scene's labels onto a rendered frame as the browser runtime places its HTML overlay: the
 * text's bottom centre at the anchor's pixel, in a sans-serif font of the label's size, with a dark halo.
 * Labels are overlays and not part of pixel parity (fonts differ between a browser and a JVM).
 */
public final class LabelPainter {

    private LabelPainter() {
    }

    public static void paint(BufferedImage image, Scene scene, double t) {
        if (scene.labels().isEmpty()) {
            return;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        SceneMath.CameraState c = SceneMath.cameraAt(scene, t);
        double[] viewProjection = SceneMath.multiply(SceneMath.perspective(c.fov(), width / (double) height, c.near(), c.far()),
                SceneMath.lookAt(c.position(), c.target()));
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Scene.Label label : scene.labels()) {
                double[] p = SceneMath.toPixel(viewProjection, label.anchor(), width, height);
                if (p == null) {
                    continue;
                }
                Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(label.size().floatValue());
                GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), label.text());
                double textWidth = glyphs.getLogicalBounds().getWidth();
                double descent = font.getLineMetrics(label.text(), g.getFontRenderContext()).getDescent();
                var outline = glyphs.getOutline((float) (p[0] - textWidth / 2), (float) (p[1] - descent));
                g.setColor(new Color(0, 0, 0, 200));
                g.setStroke(new BasicStroke(Math.max(2f, label.size().floatValue() / 6f)));
                g.draw(outline);
                double[] rgb = SceneMath.color(label.color());
                g.setColor(new Color((float) rgb[0], (float) rgb[1], (float) rgb[2]));
                g.fill(outline);
            }
        } finally {
            g.dispose();
        }
    }
}
