package org.nslab.quiz.graphql;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.contracts.quiz.QuizTypes.ActorInput;
import org.nslab.contracts.quiz.QuizTypes.QuizAttempt;
import org.nslab.contracts.quiz.QuizTypes.QuizAttemptInput;
import org.nslab.contracts.quiz.QuizTypes.QuizOption;
import org.nslab.contracts.quiz.QuizTypes.QuizQuestion;
import org.nslab.contracts.quiz.QuizTypes.QuizView;
import org.nslab.contracts.quiz.QuizTypes.QuizzesInput;
import org.nslab.contracts.quiz.QuizTypes.SubmitQuizAnswerInput;
import org.nslab.events.ActorKey;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.quiz.grading.Question;
import org.nslab.quiz.grading.QuestionBank;
import org.nslab.quiz.grading.QuestionView;
import org.nslab.quiz.grading.Quiz;
import org.nslab.quiz.grading.Response;
import org.nslab.quiz.graphql.QuizPayloads.QuizAttemptPayload;
import org.nslab.quiz.graphql.QuizPayloads.QuizzesPayload;
import org.nslab.quiz.graphql.QuizPayloads.SubmitQuizAnswerPayload;
import org.nslab.quiz.repository.AttemptRepository.AttemptRow;
import org.nslab.quiz.service.QuizService;
import org.nslab.quiz.service.QuizService.Feedback;
import org.nslab.quiz.service.QuizService.Submission;

/** Internal API of the quiz service; the gateway calls it with its service account and the verified learner. */
@GraphQLApi
@RolesAllowed("service")
public class QuizGraphQlApi {

    static final int MAX_QUIZZES = 50;
    private static final String LOCALE = "^[a-z]{2,3}(-[A-Z]{2})?$";

    private final QuizService quizzes;

    public QuizGraphQlApi(QuizService quizzes) {
        this.quizzes = quizzes;
    }

    @Query("quizzes")
    @Description("Quizzes (at most 50) with the learner's state per question; never the answers.")
    public @NonNull QuizzesPayload quizzes(@NonNull @Name("input") QuizzesInput input) {
        List<UserError> errors = new ArrayList<>(check(input.actor(), input.locale()));
        QuestionBank bank = quizzes.bank(); // one release for the whole answer
        if (input.quizIds().size() > MAX_QUIZZES) {
            errors.add(new UserError(List.of("input", "quizIds"), "at most " + MAX_QUIZZES + " quizzes per request", UserErrorCode.TOO_MANY));
        }
        for (int i = 0; i < Math.min(input.quizIds().size(), MAX_QUIZZES); i++) {
            if (bank.quiz(input.quizIds().get(i)).isEmpty()) {
                errors.add(new UserError(List.of("input", "quizIds", String.valueOf(i)), "no quiz '" + input.quizIds().get(i) + "'", UserErrorCode.UNKNOWN_QUIZ));
            }
        }
        if (!errors.isEmpty()) {
            return new QuizzesPayload(List.of(), errors);
        }
        Map<String, List<AttemptRow>> byQuestion = quizzes.attempts(key(input.actor()), input.quizIds()).stream()
                .collect(Collectors.groupingBy(AttemptRow::questionId));
        List<QuizView> views = input.quizIds().stream().map(id -> view(bank.quiz(id).orElseThrow(), byQuestion, input.locale())).toList();
        return new QuizzesPayload(views, List.of());
    }

    @Mutation("submitQuizAnswer")
    @Description("Grades an answer on the server, stores the attempt and publishes quiz.attempt-graded.v1 (both or neither).")
    public @NonNull SubmitQuizAnswerPayload submitQuizAnswer(@NonNull @Name("input") SubmitQuizAnswerInput input) {
        List<UserError> errors = check(input.actor(), input.locale());
        if (!errors.isEmpty()) {
            return new SubmitQuizAnswerPayload(null, errors);
        }
        var a = input.answer();
        Submission submission = quizzes.submit(actor(input.actor()), input.questionId(),
                new Response(a.choiceId(), a.choiceIds(), a.number(), a.order()), input.locale());
        if (!submission.problems().isEmpty()) {
            return new SubmitQuizAnswerPayload(null, submission.problems().stream()
                    .map(p -> new UserError(p.field(), p.message(), p.code())).toList());
        }
        return new SubmitQuizAnswerPayload(attempt(submission.feedback()), List.of());
    }

    @Query("quizAttempt")
    @Description("One of the learner's own attempts; another learner's attempt is refused.")
    public @NonNull QuizAttemptPayload quizAttempt(@NonNull @Name("input") QuizAttemptInput input) {
        List<UserError> errors = new ArrayList<>(check(input.actor(), input.locale()));
        UUID id = null;
        try {
            id = UUID.fromString(input.attemptId());
        } catch (IllegalArgumentException e) {
            errors.add(new UserError(List.of("input", "attemptId"), "not an attempt id", UserErrorCode.INVALID_ID));
        }
        if (!errors.isEmpty()) {
            return new QuizAttemptPayload(null, errors);
        }
        Optional<AttemptRow> row = quizzes.attempt(id);
        if (row.isEmpty()) {
            return new QuizAttemptPayload(null, List.of(new UserError(List.of("input", "attemptId"), "no such attempt", UserErrorCode.UNKNOWN_ATTEMPT)));
        }
        if (!row.get().actorKey().equals(key(input.actor()))) {
            return new QuizAttemptPayload(null, List.of(new UserError(List.of("input", "attemptId"),
                    "this attempt belongs to another learner", UserErrorCode.NOT_YOUR_ATTEMPT)));
        }
        return new QuizAttemptPayload(attempt(quizzes.feedback(row.get(), input.locale())), List.of());
    }

    private QuizView view(Quiz quiz, Map<String, List<AttemptRow>> byQuestion, String locale) {
        List<QuizQuestion> questions = new ArrayList<>();
        int solved = 0;
        for (Question q : quiz.questions()) {
            List<AttemptRow> tries = byQuestion.getOrDefault(q.id(), List.of());
            boolean done = tries.stream().anyMatch(AttemptRow::correct);
            solved += done ? 1 : 0;
            QuestionView v = QuestionView.of(q, locale);
            questions.add(new QuizQuestion(v.id(), v.type(), v.prompt(), v.options().stream().map(o -> new QuizOption(o.id(), o.text())).toList(),
                    v.unit(), v.maxAttempts(), tries.size(), done));
        }
        double mastery = (double) solved / quiz.questions().size();
        return new QuizView(quiz.id(), quiz.targetKind(), quiz.targetId(), quiz.level(), quiz.passScore(), questions, solved, mastery,
                mastery >= quiz.passScore());
    }

    private static QuizAttempt attempt(Feedback f) {
        AttemptRow r = f.attempt();
        return new QuizAttempt(r.id().toString(), r.quizId(), r.questionId(), r.attemptNumber(), r.correct(), r.score(), r.response(),
                r.createdAt(), f.message(), f.explanation(), f.correctAnswer(), f.attemptsLeft());
    }

    private static List<UserError> check(ActorInput actor, String locale) {
        List<UserError> errors = new ArrayList<>();
        if (!ActorKey.isTenant(actor.tenant())) {
            errors.add(new UserError(List.of("input", "actor", "tenant"), "not a tenant id", UserErrorCode.INVALID_ACTOR));
        }
        if (!ActorKey.isId(actor.id())) {
            errors.add(new UserError(List.of("input", "actor", "id"), "1 to 200 characters, without '/' or spaces", UserErrorCode.INVALID_ACTOR));
        }
        if (locale != null && !locale.matches(LOCALE)) {
            errors.add(new UserError(List.of("input", "locale"), "locale must look like en or de-AT", UserErrorCode.INVALID_LOCALE));
        }
        return errors;
    }

    private static Actor actor(ActorInput input) {
        return new Actor(input.id(), input.kind(), input.tenant());
    }

    private static String key(ActorInput actor) {
        return new ActorKey(actor.tenant(), actor.id()).toString();
    }
}
