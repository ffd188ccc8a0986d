package org.nslab.gateway.upstream.content;

import jakarta.enterprise.context.ApplicationScoped;
import org.nslab.gateway.upstream.Upstream;
import org.nslab.gateway.upstream.content.ContentApi.CourseInput;
import org.nslab.gateway.upstream.content.ContentApi.CourseResult;

/** The gateway's one client of the content service (the course for the learning API and the Journey Map). */
@ApplicationScoped
public class ContentUpstream {

    public static final String SERVICE = "content";

    private final ContentApi api;
    private final Upstream upstream;

    public ContentUpstream(ContentApi api, Upstream upstream) {
        this.api = api;
        this.upstream = upstream;
    }

    public CourseResult course(CourseInput input) {
        return upstream.call(SERVICE, "course", () -> api.course(input));
    }
}
