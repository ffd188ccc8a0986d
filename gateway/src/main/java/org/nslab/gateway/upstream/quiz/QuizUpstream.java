package org.nslab.gateway.upstream.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import org.nslab.contracts.quiz.QuizTypes.QuizAttemptInput;
import org.nslab.contracts.quiz.QuizTypes.QuizzesInput;
import org.nslab.contracts.quiz.QuizTypes.SubmitQuizAnswerInput;
import org.nslab.gateway.upstream.Upstream;
import org.nslab.gateway.upstream.quiz.QuizApi.AttemptResult;
import org.nslab.gateway.upstream.quiz.QuizApi.QuizzesResult;

/** The gateway's one client of the quiz service. */
@ApplicationScoped
public class QuizUpstream {

    public static final String SERVICE = "quiz";

    private final QuizApi api;
    private final Upstream upstream;

    public QuizUpstream(QuizApi api, Upstream upstream) {
        this.api = api;
        this.upstream = upstream;
    }

    public QuizzesResult quizzes(QuizzesInput input) {
        return upstream.call(SERVICE, "quizzes", () -> api.quizzes(input));
    }

    public AttemptResult submitQuizAnswer(SubmitQuizAnswerInput input) {
        return upstream.call(SERVICE, "submitQuizAnswer", () -> api.submitQuizAnswer(input));
    }

    public AttemptResult quizAttempt(QuizAttemptInput input) {
        return upstream.call(SERVICE, "quizAttempt", () -> api.quizAttempt(input));
    }
}
