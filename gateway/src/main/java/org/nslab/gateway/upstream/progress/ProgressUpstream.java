package org.nslab.gateway.upstream.progress;

import jakarta.enterprise.context.ApplicationScoped;
import org.nslab.contracts.progress.ProgressTypes.LearnerProgressInput;
import org.nslab.contracts.progress.ProgressTypes.MergeGuestProgressInput;
import org.nslab.gateway.upstream.Upstream;
import org.nslab.gateway.upstream.progress.ProgressApi.MergeResult;
import org.nslab.gateway.upstream.progress.ProgressApi.ProgressResult;

/** The gateway's one client of the progress service. */
@ApplicationScoped
public class ProgressUpstream {

    public static final String SERVICE = "progress";

    private final ProgressApi api;
    private final Upstream upstream;

    public ProgressUpstream(ProgressApi api, Upstream upstream) {
        this.api = api;
        this.upstream = upstream;
    }

    public ProgressResult learnerProgress(LearnerProgressInput input) {
        return upstream.call(SERVICE, "learnerProgress", () -> api.learnerProgress(input));
    }

    public MergeResult mergeGuestProgress(MergeGuestProgressInput input) {
        return upstream.call(SERVICE, "mergeGuestProgress", () -> api.mergeGuestProgress(input));
    }
}
