package org.nslab.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A guest signed in: the progress service moved the guest's progress to the account. Consumers that
 * key data by learner treat the guest key as the account from now on.
 * Contract: {@code schemas/guest-progress-merged.v1.json}; topic {@link Topics#GUEST_PROGRESS_MERGED},
 * keyed by the account.
 *
 * @param key      the account's {@code tenant/actorId}
 * @param guestKey the guest's {@code public/guest-…}
 * @param events   how many of the guest's events moved
 */
public record GuestProgressMerged(UUID id, Instant time, int schemaVersion, ActorKey key, ActorKey guestKey, long events) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "guest-progress-merged.v1";

    public static UUID idOf(ActorKey guestKey, ActorKey accountKey) {
        return UUID.nameUUIDFromBytes(("merge|" + guestKey + "|" + accountKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
