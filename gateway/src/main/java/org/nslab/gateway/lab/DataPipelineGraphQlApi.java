package org.nslab.gateway.lab;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.gateway.graphql.SimulationGraphQlApi;
import org.nslab.gateway.lab.DataPipelineTypes.DataPipelineInput;
import org.nslab.gateway.lab.DataPipelineTypes.DataPipelinePayload;
import org.nslab.gateway.upstream.simulation.SimulationApi;
import org.nslab.gateway.upstream.simulation.SimulationUpstream;

/**
 * The Data Collection theatre's pipeline over the real corpora (Brown, SpamAssassin, the platform's code), run by
 * the simulation service; its thresholds are validated there and come back as user errors under {@code input}.
 */
@GraphQLApi
public class DataPipelineGraphQlApi {

    private final SimulationUpstream simulation;

    public DataPipelineGraphQlApi(SimulationUpstream simulation) {
        this.simulation = simulation;
    }

    @Query
    @Description("Runs the data pipeline: extraction and normalization, language identification, quality rules, PII "
            + "redaction, exact and MinHash-LSH near-duplicate removal; each stage's documents and tokens kept and "
            + "removed with reasons and samples, the spam filter's precision and recall, a page of documents with "
            + "their fate, and the final mixture by source.")
    @RolesAllowed({"learner", "instructor", "admin", "module-author", "guest"})
    public @NonNull DataPipelinePayload dataPipeline(@NonNull @Name("input") DataPipelineInput input) {
        SimulationApi.DataPipelineResult r = simulation.dataPipeline(input);
        return new DataPipelinePayload(r.stages(), r.documents(), r.documentCount(), r.mixture(), r.sources(), r.spamFilter(),
                r.keptSamples(), SimulationGraphQlApi.userErrors(r.userErrors()));
    }
}
