package org.nslab.contracts;

/**
 * Every code a {@link UserError} may carry, in one spelling (upper snake case), for the gateway and every service.
 * The GraphQL field stays a {@code String} (adding an enum type would change the public {@code UserError.code} type);
 * Java code builds errors from these constants only.
 */
public enum UserErrorCode {
    // the input as such
    INVALID_INPUT,
    INVALID_VALUE,
    OUT_OF_RANGE,
    TOO_MANY,
    TEXT_TOO_LONG,
    PROMPT_TOO_LONG,
    INVALID_TOKENIZERS,
    INVALID_ID,
    INVALID_NAME,
    INVALID_LOCALE,
    INVALID_ACTOR,
    INVALID_VIEWER,
    INVALID_COURSE,
    INVALID_GUEST_TOKEN,
    TIMESTAMP_TOO_OLD,
    TIMESTAMP_IN_FUTURE,
    // things that are not there, or not the caller's
    UNKNOWN_RUN,
    UNKNOWN_RELEASE,
    NO_DOCUMENT,
    UNKNOWN_KIND,
    UNKNOWN_QUIZ,
    UNKNOWN_QUESTION,
    UNKNOWN_CHOICE,
    UNKNOWN_ATTEMPT,
    UNKNOWN_COHORT,
    NOT_YOUR_ATTEMPT,
    FORBIDDEN,
    OTHER_INSTITUTION,
    AMBIGUOUS_SCOPE,
    // quizzes
    INVALID_ANSWER,
    WRONG_ANSWER_TYPE,
    ALREADY_SOLVED,
    ATTEMPT_LIMIT_REACHED,
    // cohorts, progress
    DUPLICATE_COHORT,
    ALREADY_MERGED,
    // the module registry
    INVALID_MANIFEST,
    INVALID_VERSION,
    MODULE_ID_OWNED,
    NO_SUCH_MODULE,
    NO_SUCH_VERSION
}
