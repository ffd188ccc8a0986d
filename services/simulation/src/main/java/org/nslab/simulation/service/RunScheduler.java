package org.nslab.simulation.service;

import org.nslab.events.TrainingRunRequested.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.nslab.events.TrainingRunRequested;
import org.nslab.simulation.messaging.RunRequestConsumer;
import org.nslab.simulation.repository.TrainingRunEntity;

/**
 * One replica's share of the run table used as a queue (docs/decisions/0004): a request from the replicas' consumer
 * group, a finished worker or the lease timer wakes it up, and it claims the oldest queued runs nobody holds, one per
 * free worker ({@code FOR UPDATE SKIP LOCKED}, a fresh claim token each), and hands them to the {@link RunWorker}.
 * Every third of the lease it renews the leases of the runs it holds, and hands over every queued or running run
 * whose holder's lease ran out (a conditional update: one replica wins) with a new request. A busy replica claims
 * nothing, so a run waits only while every replica is busy.
 */
final class RunScheduler {

    private static final Logger LOG = Logger.getLogger(RunScheduler.class);

    private final RunRecords records;
    private final RunLifecycle lifecycle;
    private final RunWorker worker;
    private final RunsConfig config;
    private final String bootstrapServers;
    private final String replica;
    private final ExecutorService workers;
    /** Free training slots of this replica: it claims a queued run only when it can train it at once. */
    private final Semaphore free;
    private final ScheduledExecutorService leases;
    private volatile RunRequestConsumer consumer;

    RunScheduler(RunRecords records, RunLifecycle lifecycle, RunWorker worker, RunsConfig config, String bootstrapServers) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.worker = worker;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.replica = config.replicaId().orElseGet(RunScheduler::defaultReplicaId);
        int threads = config.workers() > 0 ? config.workers() : Runtime.getRuntime().availableProcessors();
        this.free = new Semaphore(threads);
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "training-run");
            t.setDaemon(true);
            return t;
        });
        this.leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "training-run-leases");
            t.setDaemon(true);
            return t;
        });
    }

    /** Joins the replicas' consumer group and starts renewing leases and handing over runs whose lease ran out. */
    void start() {
        consumer = new RunRequestConsumer(bootstrapServers, config.group(), replica, config.consumerSessionTimeout(),
                this::take).start();
        long period = Math.max(200, config.lease().toMillis() / 3);
        leases.scheduleWithFixedDelay(this::tendLeases, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Leaves the group and interrupts the workers, which give their runs back to continue from their last checkpoint. */
    void stop() {
        leases.shutdownNow();
        if (consumer != null) {
            consumer.close();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops like a crashed process: no more renewals, nothing written; its leases run out. */
    void halt() {
        worker.halt();
        leases.shutdownNow();
        if (consumer != null) {
            consumer.close();
        }
        workers.shutdownNow();
    }

    /** This replica's name in the run table. */
    String replica() {
        return replica;
    }

    /** The request-topic partitions this replica consumes now. */
    Set<Integer> partitions() {
        return consumer == null ? Set.of() : consumer.partitions();
    }

    /** The end of a lease taken or renewed now. */
    Instant leaseEnd() {
        return Instant.now().plus(config.lease());
    }

    /**
     * A request from the group wakes this replica up: it claims the oldest queued runs, the requested one or
     * another, as long as it has free slots. A busy replica claims nothing, so a queued run never waits behind
     * one replica's work while another replica is idle.
     */
    private void take(TrainingRunRequested request) {
        claimQueued();
    }

    /** Claims the oldest queued runs nobody holds, one per free slot, and trains them. */
    private void claimQueued() {
        while (!worker.halted() && !workers.isShutdown() && free.tryAcquire()) {
            Optional<RunRecords.Claim> next;
            try {
                next = records.claimNext(replica, leaseEnd());
            } catch (RuntimeException e) {
                free.release();
                LOG.warnf("queued training runs not read: %s", e.toString());
                return;
            }
            if (next.isEmpty()) {
                free.release();
                return;
            }
            RunRecords.Claim claim = next.get();
            try {
                workers.execute(() -> {
                    try {
                        worker.train(claim);
                    } finally {
                        free.release();
                    }
                    claimQueued();
                });
            } catch (RejectedExecutionException e) {
                // stopping: the claimed run's lease runs out and another replica takes it
                free.release();
                return;
            }
        }
    }

    private void tendLeases() {
        try {
            records.renew(replica, leaseEnd());
            for (TrainingRunEntity run : records.expired()) {
                if (records.handOver(run.id, leaseEnd())) {
                    LOG.infof("training run %s: its replica's lease ran out, handing it over", run.id);
                    lifecycle.requested(run.id, run.owner, Reason.HANDED_OVER, null);
                }
            }
            claimQueued();
        } catch (RuntimeException e) {
            LOG.warnf("training-run leases not tended: %s", e.toString());
        }
    }

    private static String defaultReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "replica";
        }
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
