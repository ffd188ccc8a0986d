package org.nslab.quiz.grading;

import java.util.List;

/**
 * A quiz about a level, stage or component.
 *
 * @param level the level its target lives in (1 for the Journey Map, 2 for stages and their components, 3 for the microscope)
 */
public record Quiz(String id, String targetKind, String targetId, int level, double passScore, List<Question> questions) {
}
