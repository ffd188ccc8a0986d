package org.nslab.quiz.grading;

/**
 * The result of grading one answer.
 *
 * @param score    in [0, 1]: partial credit for multiple choice and ordering, else 0 or 1
 * @param response the answer in a normalized text form (for "most common wrong answers")
 * @param expected the correct answer in the same form, revealed only when the learner is done with the question
 */
public record Grade(boolean correct, double score, String response, String expected) {
}
