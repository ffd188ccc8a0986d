package org.nslab.quiz.grading;

import java.util.List;

/** Why an answer cannot be graded: the field of the response that is wrong, and a message for a person. */
public record AnswerProblem(List<String> field, String message, String code) {
}
