package org.nslab.quiz.grading;

import java.util.List;

/** A learner's answer; exactly the field that the question's type needs is set. */
public record Response(String choiceId, List<String> choiceIds, Double number, List<String> order) {
}
