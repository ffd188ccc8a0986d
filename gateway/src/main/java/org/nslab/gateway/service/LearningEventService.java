package org.nslab.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.nslab.events.LearningEventRecorded;
import org.nslab.gateway.graphql.RecordLearningEventInput;
import org.nslab.gateway.graphql.RecordLearningEventPayload;
import org.nslab.gateway.graphql.RecordLearningEventPayload.RecordedLearningEvent;
import org.nslab.gateway.graphql.Viewer;
import org.nslab.gateway.messaging.LearningEventPublisher;
import org.nslab.gateway.security.Actors;
import org.nslab.gateway.upstream.ServiceUnavailableException;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.LearnerActivity;
import org.nslab.gateway.upstream.analytics.AnalyticsUpstream;

@ApplicationScoped
public class LearningEventService {

    private static final Logger LOG = Logger.getLogger(LearningEventService.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(15);

    private final LearningEventPublisher publisher;
    private final AnalyticsUpstream analytics;
    private final Clock clock;
    private final MeterRegistry registry;

    public LearningEventService(LearningEventPublisher publisher, AnalyticsUpstream analytics, Clock clock, MeterRegistry registry) {
        this.publisher = publisher;
        this.analytics = analytics;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Validates and publishes one statement. The answer comes once Kafka has acknowledged the event;
     * when Kafka cannot be reached the request fails with a service-unavailable error and nothing is recorded.
     */
    public Uni<RecordLearningEventPayload> record(RecordLearningEventInput input, SecurityIdentity identity) {
        LearningStatements.Outcome outcome = LearningStatements.build(input, Actors.of(identity), clock.instant());
        if (!outcome.valid()) {
            registry.counter("nslab.gateway.learning-events", "outcome", "invalid").increment();
            return Uni.createFrom().item(RecordLearningEventPayload.rejected(outcome.errors()));
        }
        LearningEventRecorded event = outcome.event();
        return publisher.publish(event)
                .ifNoItem().after(PUBLISH_TIMEOUT).fail()
                .onItem().transform(ignored -> {
                    registry.counter("nslab.gateway.learning-events", "outcome", "published").increment();
                    return RecordLearningEventPayload.recorded(new RecordedLearningEvent(event.id().toString(),
                            input.verb(), input.objectId(), event.statement().timestamp(), event.time()));
                })
                .onFailure().transform(failure -> {
                    registry.counter("nslab.gateway.learning-events", "outcome", "unavailable").increment();
                    LOG.warnf("could not publish learning event %s: %s", event.id(), failure.toString());
                    return new ServiceUnavailableException("event bus", "The learning event could not be recorded: the event bus is "
                            + "unavailable. Nothing was recorded; retry later with the same id (" + event.id() + ").", failure);
                });
    }

    /** One call to the analytics service for all viewers of a request. */
    public List<LearnerActivity> activities(List<Viewer> viewers) {
        return analytics.learnerActivities(viewers.stream().map(Viewer::actorKey).toList());
    }
}
