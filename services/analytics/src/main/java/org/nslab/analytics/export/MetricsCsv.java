package org.nslab.analytics.export;

import java.util.Locale;
import org.nslab.analytics.metrics.LearningMetrics;

/** The metrics as CSV (RFC 4180): one row per metric, with the item it is about. Pure. */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    public static String of(LearningMetrics m) {
        StringBuilder csv = new StringBuilder("metric,item,value\r\n");
        row(csv, "learners", "", m.learners());
        row(csv, "sessions", "", m.sessions());
        row(csv, "average_session_seconds", "", m.averageSessionSeconds());
        row(csv, "levels_per_learner", "", m.levelsPerLearner());
        row(csv, "completion_rate", "", m.completionRate());
        row(csv, "return_rate", "", m.returnRate());
        m.comprehension().forEach(c -> row(csv, "comprehension_mean_mastery", c.targetKind() + ":" + c.targetId(), c.meanMastery()));
        m.items().forEach(i -> {
            row(csv, "first_attempt_correct_rate", i.questionId(), i.firstAttemptCorrectRate());
            row(csv, "attempts", i.questionId(), i.attempts());
            i.commonWrongAnswers().forEach(w -> row(csv, "wrong_answer_count", i.questionId() + " = " + w.response(), w.count()));
        });
        m.dropOff().forEach(d -> row(csv, "last_seen_learners", d.objectId(), d.learners()));
        return csv.toString();
    }

    private static void row(StringBuilder csv, String metric, String item, double value) {
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.4f", value);
        csv.append(metric).append(',').append(quote(item)).append(',').append(number).append("\r\n");
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
