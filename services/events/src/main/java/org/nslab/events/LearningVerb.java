package org.nslab.events;

import java.util.Arrays;
import java.util.Optional;

/** The closed set of xAPI verbs the platform records, with their ADL vocabulary IRIs. */
public enum LearningVerb {
    LAUNCHED("http://adlnet.gov/expapi/verbs/launched", "launched"),
    EXPERIENCED("http://adlnet.gov/expapi/verbs/experienced", "experienced"),
    INTERACTED("http://adlnet.gov/expapi/verbs/interacted", "interacted"),
    PROGRESSED("http://adlnet.gov/expapi/verbs/progressed", "progressed"),
    ANSWERED("http://adlnet.gov/expapi/verbs/answered", "answered"),
    PASSED("http://adlnet.gov/expapi/verbs/passed", "passed"),
    FAILED("http://adlnet.gov/expapi/verbs/failed", "failed"),
    COMPLETED("http://adlnet.gov/expapi/verbs/completed", "completed");

    private final String iri;
    private final String display;

    LearningVerb(String iri, String display) {
        this.iri = iri;
        this.display = display;
    }

    public String iri() {
        return iri;
    }

    public String display() {
        return display;
    }

    public LearningEventRecorded.Verb toStatementVerb() {
        return new LearningEventRecorded.Verb(iri, display);
    }

    public static Optional<LearningVerb> fromIri(String iri) {
        return Arrays.stream(values()).filter(v -> v.iri.equals(iri)).findFirst();
    }
}
