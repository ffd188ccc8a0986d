package org.nslab.simulation.bench;

import java.util.Locale;
import java.util.Set;
import org.nslab.simulation.corpus.CorpusSources;
import org.nslab.simulation.data.CodeRules;
import org.nslab.simulation.data.DataPipeline;
import org.nslab.simulation.data.QualityRules;

/**
 * Wall time of the data pipeline over all three sources: the cold build (reading every source and
 * measuring every document once), then runs with the default settings and with a learner's threshold
 * changes, 20 each after 5 warm-up runs; prints median and maximum.
 *
 * <pre>java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) org.nslab.simulation.bench.PipelineTiming</pre>
 */
public final class PipelineTiming {

    private PipelineTiming() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        DataPipeline pipeline = new DataPipeline(CorpusSources.all());
        System.out.printf(Locale.ROOT, "cold: %d documents measured in %.1f s%n", pipeline.size(), (System.nanoTime() - start) / 1e9);
        DataPipeline.Settings defaults = DataPipeline.Settings.defaults();
        DataPipeline.Report report = pipeline.run(defaults);
        DataPipeline.LabelledCounts spam = report.labelled();
        System.out.printf(Locale.ROOT, "default settings: %d of %d documents kept; spam filter precision %.3f recall %.3f ham kept %.3f%n",
                report.mixture().stream().mapToInt(DataPipeline.SourceShare::documents).sum(), pipeline.size(),
                spam.precision(), spam.recall(), spam.hamKept());
        time("default settings", pipeline, i -> defaults);
        time("threshold change (minWords 20..400, duplicate 0.5..1.0)", pipeline, i -> {
            QualityRules g = QualityRules.gopher();
            QualityRules rules = new QualityRules(20 + 20 * i, g.maxWords(), g.minMeanWordLength(), g.maxMeanWordLength(),
                    g.maxSymbolRatio(), g.minAlphabeticWords(), g.minStopWords(), g.maxDuplicateLines(), g.maxTopTrigram());
            return new DataPipeline.Settings(Set.copyOf(DataPipeline.SOURCES), true, Set.of("en"), 0.65, true, rules,
                    CodeRules.starCoder(), true, true, true, 0.5 + 0.025 * i);
        });
    }

    private static void time(String label, DataPipeline pipeline, java.util.function.IntFunction<DataPipeline.Settings> settings) {
        double[] ms = new double[20];
        for (int i = -5; i < ms.length; i++) {
            long t0 = System.nanoTime();
            pipeline.run(settings.apply(Math.max(i, 0)));
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        java.util.Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, max %.1f ms%n", label, ms[ms.length / 2], ms[ms.length - 1]);
    }
}
