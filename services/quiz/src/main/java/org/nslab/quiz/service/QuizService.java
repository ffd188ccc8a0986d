package org.nslab.quiz.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import org.nslab.courserelease.CurrentRelease;
import org.nslab.events.ActorKey;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.Context;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Result;
import org.nslab.events.LearningEventRecorded.Statement;
import org.nslab.events.LearningVerb;
import org.nslab.events.QuizAttemptGraded;
import org.nslab.events.TargetKind;
import org.nslab.outbox.OutboxRelay;
import org.nslab.quiz.grading.AnswerProblem;
import org.nslab.quiz.grading.Grade;
import org.nslab.quiz.grading.Grader;
import org.nslab.quiz.grading.Question;
import org.nslab.quiz.grading.QuestionBank;
import org.nslab.quiz.grading.QuestionView;
import org.nslab.quiz.grading.Quiz;
import org.nslab.quiz.grading.Response;
import org.nslab.quiz.grading.SimulationFacts;
import org.nslab.quiz.repository.AttemptRepository;
import org.nslab.quiz.repository.AttemptRepository.AttemptRow;

/** Grading on the server: limits, the grade, the stored attempt and its event. */
@ApplicationScoped
public class QuizService {

    /** The outcome of a submission: the attempt with feedback, or what is wrong. */
    public record Submission(Feedback feedback, List<AnswerProblem> problems) {
        static Submission refused(AnswerProblem problem) {
            return new Submission(null, List.of(problem));
        }
    }

    /**
     * Feedback for one attempt. The explanation and the correct answer are revealed once the learner
     * is done with the question: answered correctly or out of attempts.
     */
    public record Feedback(AttemptRow attempt, String message, String explanation, String correctAnswer, int attemptsLeft) {
    }

    private final CurrentRelease<QuestionBank> release;
    private final AttemptRepository attempts;
    private final AttemptStore store;
    private final SimulationFacts simulation;
    private final OutboxRelay relay;
    private final Clock clock = Clock.systemUTC();

    public QuizService(CurrentRelease<QuestionBank> release, AttemptRepository attempts, AttemptStore store, SimulationFacts simulation,
                       OutboxRelay relay) {
        this.release = release;
        this.attempts = attempts;
        this.store = store;
        this.simulation = simulation;
        this.relay = relay;
    }

    /**
     * The questions of the content release in use (the content service's active one).
     *
     * @throws IllegalStateException before a first release is loaded (the service is not ready then)
     */
    public QuestionBank bank() {
        return release.current().map(CurrentRelease.Loaded::model)
                .orElseThrow(() -> new IllegalStateException("no content release is loaded yet; the content service is unreachable"));
    }

    /** Grades against one release from start to end; the attempt records which. */
    public Submission submit(Actor actor, String questionId, Response response, String locale) {
        QuestionBank bank = bank();
        Optional<Question> found = bank.question(questionId);
        if (found.isEmpty()) {
            return Submission.refused(new AnswerProblem(List.of("input", "questionId"), "no question '" + questionId + "'", "UNKNOWN_QUESTION"));
        }
        Question question = found.get();
        List<AnswerProblem> problems = Grader.check(question, response);
        if (!problems.isEmpty()) {
            return new Submission(null, problems);
        }
        String actorKey = ActorKey.of(actor).toString();
        List<AttemptRow> previous = attempts.byActorAndQuestion(actorKey, questionId);
        if (previous.stream().anyMatch(AttemptRow::correct)) {
            return Submission.refused(new AnswerProblem(List.of("input", "questionId"), "this question is already answered correctly",
                    "ALREADY_SOLVED"));
        }
        if (previous.size() >= question.maxAttempts()) {
            return Submission.refused(attemptLimit(question));
        }
        Grade grade;
        try {
            grade = Grader.grade(question, response, simulation);
        } catch (SimulationFacts.Unavailable e) {
            return Submission.refused(new AnswerProblem(List.of("input", "answer"),
                    "the simulation that checks this answer is unavailable; try again later (no attempt was counted)", "SIMULATION_UNAVAILABLE"));
        }
        Quiz quiz = bank.quiz(question.quizId()).orElseThrow();
        int number = previous.size() + 1;
        UUID id = UUID.randomUUID();
        AttemptRow row = new AttemptRow(id, actorKey, actor.id(), actor.kind().name(), actor.tenant(), quiz.id(), questionId, number,
                truncate(grade.response()), grade.correct(), grade.score(), bank.releaseId(), clock.instant());
        if (!store.store(row, event(row, actor, quiz, question, grade, locale))) {
            return Submission.refused(attemptLimit(question)); // a concurrent submission took this attempt number
        }
        relay.nudge();
        int left = question.maxAttempts() - number;
        boolean done = grade.correct() || left == 0;
        String message = grade.correct() ? "Correct." : left == 0 ? "Not correct, and no attempts are left." : "Not correct yet; "
                + left + (left == 1 ? " attempt" : " attempts") + " left.";
        return new Submission(new Feedback(row, message, done ? QuestionView.text(question.explanation(), locale) : null,
                done ? grade.expected() : null, left), List.of());
    }

    /** Feedback for a stored attempt, as its owner saw it. */
    public Feedback feedback(AttemptRow row, String locale) {
        Optional<Question> current = bank().question(row.questionId());
        if (current.isEmpty()) { // the question is no longer in the release in use
            return new Feedback(row, row.correct() ? "Correct." : "Not correct.", null, null, 0);
        }
        Question question = current.get();
        int left = question.maxAttempts() - attempts.byActorAndQuestion(row.actorKey(), row.questionId()).size();
        boolean done = row.correct() || left <= 0;
        return new Feedback(row, row.correct() ? "Correct." : "Not correct.", done ? QuestionView.text(question.explanation(), locale) : null,
                null, Math.max(0, left));
    }

    private QuizAttemptGraded event(AttemptRow row, Actor actor, Quiz quiz, Question question, Grade grade, String locale) {
        Statement statement = new Statement(actor, LearningVerb.ANSWERED.toStatementVerb(),
                new ActivityObject(question.id(), ObjectType.QUESTION, truncate(QuestionView.text(question.prompt(), "en"), 200)),
                new Result(grade.score(), grade.correct(), true, null, row.response()),
                new Context(quiz.level(), null, null, locale), row.createdAt());
        return new QuizAttemptGraded(row.id(), row.createdAt(), QuizAttemptGraded.SCHEMA_VERSION, ActorKey.of(actor), statement, quiz.id(),
                quiz.questions().size(), quiz.passScore(), TargetKind.of(quiz.targetKind()), quiz.targetId(), row.attemptNumber(), row.releaseId());
    }

    private static AnswerProblem attemptLimit(Question question) {
        return new AnswerProblem(List.of("input", "questionId"), "all " + question.maxAttempts() + " attempts at this question are used",
                "ATTEMPT_LIMIT_REACHED");
    }

    private static String truncate(String text) {
        return truncate(text, 1000);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Per quiz of the actor: the attempts, for views and mastery. */
    public List<AttemptRow> attempts(String actorKey, List<String> quizIds) {
        return quizIds.isEmpty() ? new ArrayList<>() : attempts.byActorAndQuizzes(actorKey, quizIds);
    }

    public Optional<AttemptRow> attempt(UUID id) {
        return attempts.find(id);
    }
}
