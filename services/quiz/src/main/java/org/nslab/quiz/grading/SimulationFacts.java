package org.nslab.quiz.grading;

/** What hands-on questions are checked against: answers the simulation service computes. */
public interface SimulationFacts {

    /** The compute-optimal parameter count for a budget by a method (Chinchilla, Kaplan, TokensPerParameter). */
    double computeOptimalParameters(double computeFlops, String method);

    /** Whether the quality rules with this minimum word count remove no document of the category for being too short. */
    boolean minWordsKeepsCategory(int minWords, String category);

    /** Thrown when the simulation service cannot answer; the attempt is not counted. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
