package org.custodian.application.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.PolicyContextVersions.CallerFacts;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.UserRepository.TokenState;
import org.junit.jupiter.api.Test;

class AuthenticatedFactsTest {

    private final AuthenticatedFacts facts = new AuthenticatedFacts();

    private static Caller agent(String requestId) {
        return new Caller("agent.eu", Set.of(Role.AGENT), Set.of(Region.EU), requestId, "127.0.0.1");
    }

    private static CallerFacts read(String version) {
        return new CallerFacts(version, Optional.of(new TokenState(0, true)), false);
    }

    @Test
    void theAuthenticatedCallerTakesItsFactsOnce() {
        Caller caller = agent("r1");
        facts.keep(caller, read("v1"));
        assertEquals(Optional.of(read("v1")), facts.take(caller));
        assertTrue(facts.take(caller).isEmpty(), "a second access context in the request reads afresh");
    }

    @Test
    void anEqualCallerOfALaterRequestNeverGetsThem() {
        facts.keep(agent("r1"), read("v1"));
        Caller equal = agent("r1");
        assertTrue(facts.take(equal).isEmpty(), "bound to the instance the authentication made");
        assertTrue(facts.take(equal).isEmpty());
    }

    @Test
    void anotherThreadNeverSeesThem() throws Exception {
        Caller caller = agent("r1");
        facts.keep(caller, read("v1"));
        assertTrue(CompletableFuture.supplyAsync(() -> facts.take(caller)).get().isEmpty());
        assertEquals(Optional.of(read("v1")), facts.take(caller));
    }

    @Test
    void aNewKeepReplacesWhatWasNotTaken() {
        Caller first = agent("r1");
        Caller second = agent("r2");
        facts.keep(first, read("v1"));
        facts.keep(second, read("v2"));
        assertTrue(facts.take(first).isEmpty());
        assertTrue(facts.take(second).isEmpty(), "a take of another caller discards what was kept");
    }
}
