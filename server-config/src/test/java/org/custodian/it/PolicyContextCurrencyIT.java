package org.custodian.it;

import static org.custodian.it.PolicyFixtures.createUser;
import static org.custodian.it.PolicyFixtures.customer;
import static org.custodian.it.PolicyFixtures.suffix;
import static org.custodian.it.PolicyFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * The access context is kept in memory between requests (#27): these tests change what it is built from straight in
 * the database, as another node of the same installation would (this node's services never hear of it), and the very
 * next read must follow. A cache without the database's version check fails them.
 */
class PolicyContextCurrencyIT extends DeployedWar {

    @Test
    void aClassificationChangedElsewhereAppliesAtTheNextRead() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long ticketId = ticket(api, agent, customer(api, agent, "EU"), "Currency " + suffix(), "d", "SOFTWARE");
        assertTrue(api.get("api/v1/tickets/" + ticketId, agent).json().containsKey("priority"));
        try {
            Sql.update("update classification_entry set classification = 'RESTRICTED' where field_key = ?",
                    "ticket.priority");
            assertFalse(api.get("api/v1/tickets/" + ticketId, agent).json().containsKey("priority"),
                    "the next read follows the label another node set");
            assertFalse(api.get("api/v1/tickets?size=5", agent).json().getJsonArray("items").getJsonObject(0)
                    .containsKey("priority"), "and so does the next list");
        } finally {
            Sql.update("update classification_entry set classification = 'INTERNAL' where field_key = ?",
                    "ticket.priority");
        }
        assertTrue(api.get("api/v1/tickets/" + ticketId, agent).json().containsKey("priority"),
                "the label put back applies at once too");
    }

    @Test
    void aMatrixCellChangedElsewhereAppliesAtTheNextRead() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customerId = customer(api, agent, "EU");
        assertTrue(api.get("api/v1/customers/" + customerId, agent).json().getString("email").contains("***"));
        try {
            Sql.update("update visibility_rule set visibility = 'FULL' where role = 'AGENT'"
                    + " and classification = 'CONFIDENTIAL'");
            assertFalse(api.get("api/v1/customers/" + customerId, agent).json().getString("email").contains("***"),
                    "the next read shows what the matrix changed elsewhere allows");
        } finally {
            Sql.update("update visibility_rule set visibility = 'REVEALABLE' where role = 'AGENT'"
                    + " and classification = 'CONFIDENTIAL'");
        }
        assertTrue(api.get("api/v1/customers/" + customerId, agent).json().getString("email").contains("***"),
                "and masks again at once when it is put back");
    }

    @Test
    void aRestrictionOrTransferRuleMadeElsewhereAppliesAtTheNextRead() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String agentUs = api.token("agent.us");
        long customerId = customer(api, agent, "EU");
        long ticketId = ticket(api, agent, customerId, "Restricted " + suffix(), "d", "SOFTWARE");
        assertEquals(200, api.get("api/v1/tickets/" + ticketId, agent).status());

        long restriction = Sql.longValue("select nextval('processing_restriction_seq')");
        Sql.update("insert into processing_restriction (id, request_id, customer_id, restricted_at, restricted_by)"
                + " values (?, -1, ?, now(), 'other.node')", restriction, customerId);
        try {
            assertEquals(403, api.get("api/v1/tickets/" + ticketId, agent).status(),
                    "a restriction made on another node (Art. 18) refuses the next read");
        } finally {
            Sql.update("update processing_restriction set lifted_at = now(), lifted_by = 'other.node',"
                    + " lift_reason = 'test over' where id = ?", restriction);
        }
        assertEquals(200, api.get("api/v1/tickets/" + ticketId, agent).status(), "lifted there, shown here at once");

        assertFalse(api.get("api/v1/customers/" + customerId, agentUs).json().containsKey("email"));
        long rule = Sql.longValue("select nextval('transfer_rule_seq')");
        Sql.update("insert into transfer_rule (id, from_region, to_region, basis, reason, created_by, created_at)"
                + " values (?, 'EU', 'US', 'SCC', 'Made on another node', 'other.node', now())", rule);
        try {
            assertTrue(api.get("api/v1/customers/" + customerId, agentUs).json().containsKey("email"),
                    "a transfer rule made on another node applies at the next read");
        } finally {
            Sql.update("update transfer_rule set revoked_at = now(), revoked_by = 'other.node' where id = ?", rule);
        }
        assertFalse(api.get("api/v1/customers/" + customerId, agentUs).json().containsKey("email"),
                "and its revocation too");
    }

    /**
     * The token check reads the policy version and whether a reveal grant is in force in one statement, and the
     * request's access context uses what it read (#27): a grant or a revocation made elsewhere must still apply at
     * the very next request, and a grant that ends must mask again at once.
     */
    @Test
    void aRevealGrantOrRevocationMadeElsewhereAppliesAtTheNextRequest() throws Exception {
        Api api = api();
        String name = "currency.agent" + suffix();
        createUser(name, "AGENT", "EU");
        String agent = Tokens.forUser(name, "AGENT", List.of("EU"));
        long customerId = customer(api, agent, "EU");
        String masked = api.get("api/v1/customers/" + customerId, agent).json().getString("phone");
        assertTrue(masked.contains("*"), masked);

        long grant = Sql.longValue("select nextval('reveal_grant_seq')");
        Sql.update("insert into reveal_grant (id, username, customer_id, fields, reason, created_at, expires_at)"
                + " values (?, ?, ?, 'customer.phone', 'Granted on another node', now() - interval '1 second',"
                + " now() + interval '10 minutes')", grant, name, customerId);
        assertEquals("+49 30 5550 1234", api.get("api/v1/customers/" + customerId, agent).json().getString("phone"),
                "a reveal granted on another node shows the field at the next read");
        Sql.update("update reveal_grant set expires_at = now() - interval '1 millisecond' where id = ?", grant);
        assertEquals(masked, api.get("api/v1/customers/" + customerId, agent).json().getString("phone"),
                "and masks it again the moment it ends");

        Sql.update("update app_user set token_version = token_version + 1 where username = ?", name);
        Reply revoked = api.get("api/v1/customers/" + customerId, agent);
        assertEquals(401, revoked.status(), "a revocation on another node refuses the next request: " + revoked);
    }
}
