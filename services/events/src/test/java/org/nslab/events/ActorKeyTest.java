package org.nslab.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nslab.events.LearningEventRecorded.ActivityObject;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.LearningEventRecorded.ObjectType;
import org.nslab.events.LearningEventRecorded.Statement;

class ActorKeyTest {

    @Test
    void aKeyReadsBackFromItsText() {
        ActorKey key = ActorKey.parse("demo-university/3f2b8c1e-5d4a-4e7b-9c61-0a2f6d8e4b17");

        assertEquals("demo-university", key.tenant());
        assertEquals("3f2b8c1e-5d4a-4e7b-9c61-0a2f6d8e4b17", key.id());
        assertEquals("demo-university/3f2b8c1e-5d4a-4e7b-9c61-0a2f6d8e4b17", key.toString());
        assertEquals(key, ActorKey.parse(key.toString()));
    }

    @Test
    void theLongestTenantAndIdAreAcceptedAndFitTheEventSchemasKey() {
        ActorKey key = new ActorKey("t".repeat(ActorKey.MAX_TENANT_LENGTH), "i".repeat(ActorKey.MAX_ID_LENGTH));

        assertEquals(key, ActorKey.parse(key.toString()));
        assertTrue(key.toString().length() <= 300, "the schemas' key allows 300 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "/alice", "demo-university/", "Demo/alice", "-demo/alice", "demo_university/alice",
            "demo university/alice", "demo-university/ali ce", "demo-university/ali\tce", "demo-university/ali\u0000ce",
            "demo-university/a/b"})
    void malformedKeysAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> ActorKey.parse(text), text);
        assertEquals(Optional.empty(), ActorKey.tryParse(text), text);
    }

    @Test
    void tooLongPartsAndNullsAreRefusedNamingWhatIsWrong() {
        IllegalArgumentException tenant = assertThrows(IllegalArgumentException.class,
                () -> new ActorKey("t".repeat(ActorKey.MAX_TENANT_LENGTH + 1), "alice"));
        assertTrue(tenant.getMessage().startsWith("not a tenant"), tenant.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> new ActorKey("demo", "i".repeat(ActorKey.MAX_ID_LENGTH + 1)));
        assertTrue(id.getMessage().startsWith("not an actor id"), id.getMessage());
        assertTrue(id.getMessage().length() < 200, "the message quotes a long id shortened: " + id.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ActorKey(null, "alice"));
        assertThrows(IllegalArgumentException.class, () -> new ActorKey("demo", null));
        assertThrows(NullPointerException.class, () -> ActorKey.parse(null));
        assertEquals(Optional.empty(), ActorKey.tryParse(null));
    }

    @Test
    void aGuestKeyIsThePublicTenantAndTheSessionId() {
        UUID session = UUID.fromString("0b7f36a6-8a53-4f5c-a0f0-0d4f1f7e5d22");
        ActorKey guest = ActorKey.guest(session);

        assertEquals("public/guest-0b7f36a6-8a53-4f5c-a0f0-0d4f1f7e5d22", guest.toString());
        assertEquals("guest-0b7f36a6-8a53-4f5c-a0f0-0d4f1f7e5d22", ActorKey.guestIdOf(session));
        assertTrue(guest.isGuest());
        assertTrue(ActorKey.parse(guest.toString()).isGuest());
    }

    @Test
    void onlyThePublicTenantWithAGuestSessionIdIsAGuest() {
        String session = UUID.randomUUID().toString();
        assertFalse(ActorKey.parse("demo-university/guest-" + session).isGuest(), "a guest id in an institution");
        assertFalse(ActorKey.parse("public/alice").isGuest(), "no guest prefix");
        assertFalse(ActorKey.parse("public/guest-1").isGuest(), "not a session id");
        assertFalse(ActorKey.parse("public/guest-" + session.toUpperCase()).isGuest(), "session ids are lower case");
        assertFalse(ActorKey.parse("demo-university/alice").isGuest());
    }

    @Test
    void aKeyIsTheActorsTenantAndIdAndGivesTheActorBack() {
        Actor alice = new Actor("alice", ActorKind.LEARNER, "demo-university");

        ActorKey key = ActorKey.of(alice);

        assertEquals("demo-university/alice", key.toString());
        assertEquals(alice, key.actor(ActorKind.LEARNER));
        assertEquals("demo-university/alice", LearningEventRecorded.keyOf(alice));
    }

    @Test
    void tenantsAreCheckedAsKeycloakGroupNames() {
        assertTrue(ActorKey.isTenant("demo-university"));
        assertTrue(ActorKey.isTenant("a"));
        assertFalse(ActorKey.isTenant("Demo"));
        assertFalse(ActorKey.isTenant(""));
        assertFalse(ActorKey.isTenant(null));
        assertFalse(ActorKey.isTenant("-demo"));
    }

    @Test
    void anEventWithAnActorThatCannotFormAKeyIsRefusedNamingTheField() {
        Statement statement = new Statement(new Actor("ali ce", ActorKind.LEARNER, "demo-university"),
                LearningVerb.LAUNCHED.toStatementVerb(), new ActivityObject("level:1", ObjectType.LEVEL, null), null, null, Instant.now());

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> LearningEventRecorded.of(UUID.randomUUID(), Instant.now(), statement));

        assertEquals(List.of("/statement/actor/id"), e.violations().stream().map(InvalidEventException.Violation::pointer).toList());
    }

    @Test
    void aPayloadWhoseKeyIsNotATenantAndIdIsSetAside() {
        Statement statement = new Statement(new Actor("alice", ActorKind.LEARNER, "demo-university"),
                LearningVerb.LAUNCHED.toStatementVerb(), new ActivityObject("level:1", ObjectType.LEVEL, null), null, null, Instant.now());
        String json = EventCodec.encode(LearningEventRecorded.of(UUID.randomUUID(), Instant.now(), statement));
        String noSlash = json.replace("\"key\":\"demo-university/alice\"", "\"key\":\"demo-university-alice\"");

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> EventCodec.decodeLearningEvent(noSlash));

        assertTrue(e.getMessage().contains("not a tenant/id key"), e.getMessage());
    }

    @Test
    void guestsAmongKeysAreTheGuestKeysEachOnceInOrder() {
        ActorKey first = ActorKey.guest(UUID.randomUUID());
        ActorKey second = ActorKey.guest(UUID.randomUUID());
        ActorKey alice = ActorKey.parse("demo-university/alice");

        assertEquals(List.of(first, second), GuestAliases.guestsAmong(List.of(alice, first, second, first, ActorKey.parse("public/guest-1"))));
        assertEquals(List.of(), GuestAliases.guestsAmong(List.of(alice)));
    }

    @Test
    void theAliasLookupTakesOnlyAPlainTableName() {
        assertThrows(IllegalArgumentException.class, () -> GuestAliases.lookup(null, "actor_alias; DROP TABLE x", List.of()));
    }
}
