package org.nslab.quiz.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import org.nslab.events.EventCodec;
import org.nslab.events.QuizAttemptGraded;
import org.nslab.events.Topics;
import org.nslab.outbox.Outbox;
import org.nslab.quiz.repository.AttemptRepository;
import org.nslab.quiz.repository.AttemptRepository.AttemptRow;

/** Stores an attempt and its event in one transaction: both or neither. */
@ApplicationScoped
public class AttemptStore {

    private final AttemptRepository attempts;

    public AttemptStore(AttemptRepository attempts) {
        this.attempts = attempts;
    }

    /** @return false when the attempt number was taken meanwhile (nothing stored) */
    @Transactional
    public boolean store(AttemptRow attempt, QuizAttemptGraded event) {
        String payload = EventCodec.encode(event); // checked against the contract before anything is written
        try (Connection c = attempts.connection()) {
            if (!attempts.insert(c, attempt)) {
                return false;
            }
            Outbox.append(c, Topics.QUIZ_ATTEMPT_GRADED, event.key().toString(), event.id(), payload);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store attempt " + attempt.id(), e);
        }
    }
}
