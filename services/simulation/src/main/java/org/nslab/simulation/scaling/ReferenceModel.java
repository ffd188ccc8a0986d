package org.nslab.simulation.scaling;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A published model with its size, training tokens and compute, to place on the scaling-law plots. The
 * list lives in the course content ({@code content/models/reference-models.yaml}), which the build copies
 * onto the classpath as {@value #RESOURCE}.
 *
 * @param name             model name
 * @param organization     who trained it
 * @param year             year of publication
 * @param parameters       N as published
 * @param tokens           training tokens D as published
 * @param computeFlops     training compute: as published where {@code computePublished}, else 6·N·D
 * @param computePublished whether the compute is the published figure or the 6·N·D estimate
 * @param source           paper and where in it (table or section) the figures stand
 * @param url              the paper
 */
public record ReferenceModel(String name, String organization, int year, double parameters, double tokens,
                             double computeFlops, boolean computePublished, String source, String url) {

    public static final String RESOURCE = "/models/reference-models.yaml";
    private static final List<ReferenceModel> ALL = load();

    /** Training compute estimated as {@code 6 · N · D} FLOPs. */
    public double trainingCompute() {
        return TrainingCompute.flops(parameters, tokens);
    }

    /** D / N. */
    public double tokensPerParameter() {
        return tokens / parameters;
    }

    /** The reference models, in the order of the content file. */
    public static List<ReferenceModel> all() {
        return ALL;
    }

    /** The YAML document: {@code models:} with one entry per model. */
    record File(List<Entry> models) {
    }

    record Entry(String name, String organization, Integer year, Double parameters, Double tokens, Double computeFlops,
                 Source source) {
    }

    record Source(String paper, String url, String where) {
    }

    static List<ReferenceModel> load() {
        try (InputStream in = ReferenceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; the build copies it from content/models");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads and checks the content file: every entry needs a name, positive N and D, and a full source. */
    static List<ReferenceModel> parse(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File file = mapper.readValue(yaml, File.class);
        List<ReferenceModel> models = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Entry e : file.models() == null ? List.<Entry>of() : file.models()) {
            String name = e.name() == null ? "(unnamed)" : e.name();
            if (e.parameters() == null || !(e.parameters() > 0) || e.tokens() == null || !(e.tokens() > 0)) {
                problems.add(name + ": parameters and tokens must be positive");
                continue;
            }
            if (e.source() == null || blank(e.source().paper()) || blank(e.source().url()) || blank(e.source().where())) {
                problems.add(name + ": source needs paper, url and where");
                continue;
            }
            if (e.computeFlops() != null && !(e.computeFlops() > 0)) {
                problems.add(name + ": computeFlops must be positive");
                continue;
            }
            boolean published = e.computeFlops() != null;
            double compute = published ? e.computeFlops() : TrainingCompute.flops(e.parameters(), e.tokens());
            models.add(new ReferenceModel(name, e.organization(), e.year() == null ? 0 : e.year(), e.parameters(), e.tokens(),
                    compute, published, e.source().paper() + ", " + e.source().where(), e.source().url()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid reference models: " + String.join("; ", problems));
        }
        return List.copyOf(models);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
