package org.nslab.quiz.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nslab.content.course.Course;
import org.nslab.content.course.CourseSource;
import org.nslab.content.course.CourseValidator;

/** Grading of the course's real questions; hands-on grading runs against the simulation in QuizServiceTests. */
class GraderTest {

    private static final Course COURSE = CourseValidator.readValid(CourseSource.classpath());
    private static final QuestionBank BANK = QuestionBank.of(COURSE.releaseId(), COURSE.document());

    /** Hands-on questions must not be graded here: reaching the simulation would be a mistake of the test. */
    private static final SimulationFacts NONE = new SimulationFacts() {
        @Override
        public double computeOptimalParameters(double computeFlops, String method) {
            throw new AssertionError("not a hands-on question");
        }

        @Override
        public boolean minWordsKeepsCategory(int minWords, String category) {
            throw new AssertionError("not a hands-on question");
        }
    };

    private static Question q(String id) {
        return BANK.question(id).orElseThrow();
    }

    private static Grade grade(String id, Response r) {
        assertEquals(List.of(), Grader.check(q(id), r));
        return Grader.grade(q(id), r, NONE);
    }

    @Test
    void singleChoiceIsRightOnlyForTheKey() {
        assertTrue(grade("attn-scale", new Response("a", null, null, null)).correct());
        Grade wrong = grade("attn-scale", new Response("b", null, null, null));
        assertFalse(wrong.correct());
        assertEquals("b", wrong.response());
        assertEquals(0, wrong.score());
    }

    @Test
    void multipleChoiceGivesPartialCreditAndIsCorrectOnlyForTheExactSet() {
        assertTrue(grade("attn-causal", new Response(null, List.of("p3", "p1", "p2"), null, null)).correct());
        Grade partial = grade("attn-causal", new Response(null, List.of("p1", "p2"), null, null));
        assertFalse(partial.correct());
        assertEquals(2.0 / 3, partial.score(), 1e-9);
        assertEquals(0, grade("attn-causal", new Response(null, List.of("p1", "p4"), null, null)).score(), 1e-9);
    }

    @Test
    void numericAnswersCountWithinTheirTolerance() {
        assertTrue(grade("train-6nd", new Response(null, null, 1.3e20, null)).correct());   // within 10 %
        assertFalse(grade("train-6nd", new Response(null, null, 1.4e20, null)).correct());
        assertTrue(grade("loss-uniform", new Response(null, null, 6.93, null)).correct());
        assertFalse(grade("loss-uniform", new Response(null, null, 6.95, null)).correct());
        assertTrue(grade("tok-gpt2-vocab", new Response(null, null, 50257.0, null)).correct());
        assertFalse(grade("tok-gpt2-vocab", new Response(null, null, 50256.0, null)).correct());
    }

    @Test
    void orderingNeedsEveryItemInPlace() {
        assertTrue(grade("align-instructgpt-order", new Response(null, null, null, List.of("sft", "rm", "ppo"))).correct());
        Grade swapped = grade("align-instructgpt-order", new Response(null, null, null, List.of("rm", "sft", "ppo")));
        assertFalse(swapped.correct());
        assertEquals(1.0 / 3, swapped.score(), 1e-9);
        assertEquals("sft>rm>ppo", swapped.expected());
    }

    @Test
    void anAnswerOfTheWrongTypeNamesTheFieldTheQuestionNeeds() {
        List<AnswerProblem> problems = Grader.check(q("attn-scale"), new Response(null, null, 3.0, null));
        assertEquals(List.of("input", "answer", "choiceId"), problems.get(0).field());
        assertEquals("WRONG_ANSWER_TYPE", problems.get(0).code());
        assertEquals("WRONG_ANSWER_TYPE", Grader.check(q("train-6nd"), new Response("a", null, 1.0, null)).get(0).code());
    }

    @Test
    void unknownChoicesIncompleteOrdersAndBadNumbersAreRefused() {
        assertEquals("UNKNOWN_CHOICE", Grader.check(q("attn-scale"), new Response("z", null, null, null)).get(0).code());
        assertEquals(List.of("input", "answer", "choiceIds", "1"),
                Grader.check(q("attn-causal"), new Response(null, List.of("p1", "p9"), null, null)).get(0).field());
        assertEquals("INVALID_ANSWER", Grader.check(q("jm-order"), new Response(null, null, null, List.of("training"))).get(0).code());
        assertEquals("INVALID_ANSWER", Grader.check(q("train-6nd"), new Response(null, null, Double.NaN, null)).get(0).code());
        assertEquals("INVALID_ANSWER", Grader.check(q("filters-largest-min-words"), new Response(null, null, 12.5, null)).get(0).code());
        assertEquals("INVALID_ANSWER", Grader.check(q("budget-optimal-size-1e21"), new Response(null, null, -1.0, null)).get(0).code());
    }

    @Test
    void aLearnerNeverSeesTheKeyOrTheOrderingAnswerBeforeAnAttempt() {
        for (Quiz quiz : BANK.quizzes()) {
            for (Question question : quiz.questions()) {
                QuestionView view = QuestionView.of(question, "en");
                if (question.key() instanceof Question.OrderingKey key) {
                    assertNotEquals(key.order(), view.options().stream().map(QuestionView.OptionView::id).toList(), question.id());
                }
                assertFalse(view.toString().contains(question.explanation().get("en")), question.id());
            }
        }
    }

    @Test
    void everyQuizHasALevelAndQuestions() {
        assertEquals(24, BANK.quizzes().size());
        assertEquals(1, BANK.quiz("quiz-journey-map").orElseThrow().level());
        assertEquals(3, BANK.quiz("quiz-component-attention").orElseThrow().level());
        assertEquals(2, BANK.quiz("quiz-component-tokenization").orElseThrow().level());
        assertThrows(IllegalArgumentException.class, () -> Question.Type.of("essay"));
    }
}
