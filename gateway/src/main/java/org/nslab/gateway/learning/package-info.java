/**
 * The learning services composed into the gateway's public endpoint: typed GraphQL clients of the
 * content, quiz, progress and analytics services' internal APIs (called with the gateway's service
 * account, the verified caller passed in the inputs) and the public operations with their roles:
 * {@code course} (every signed-in role and guests), {@code quizzes}, {@code submitQuizAnswer},
 * {@code quizAttempt} (learners, instructors, admins, guests), {@code viewer { progress }} (batched:
 * one call for all viewers of a request), {@code mergeGuestProgress} (signed-in users, with the guest
 * session token as proof of the guest identity), {@code cohorts}, {@code createCohort},
 * {@code enrolInCohort}, {@code cohortStatements} (instructors, admins), {@code learningMetrics} and
 * {@code learningMetricsCsv} (everyone; the analytics service scopes them: a learner sees only
 * themself). A service that cannot be reached gives a {@code service-unavailable} error.
 */
package org.nslab.gateway.learning;
