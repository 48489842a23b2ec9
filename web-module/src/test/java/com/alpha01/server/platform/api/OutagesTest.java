package com.alpha01.server.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void a_connection_failure_anywhere_in_the_causes_is_an_outage() {
        assertTrue(Outages.storageUnavailable(new EJBException(new PersistenceException(
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))));
        assertTrue(Outages.storageUnavailable(new PersistenceException(new SQLException("terminating connection due to "
                + "administrator command", "57P01"))));
        assertTrue(Outages.storageUnavailable(new PersistenceException(new SQLException("IJ031084: Unable to create connection",
                (String) null, new ResourceException("IJ000453: Unable to get managed connection")))));
        assertTrue(Outages.storageUnavailable(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void a_commit_that_could_not_reach_the_database_is_an_outage_though_the_reason_is_only_suppressed() {
        // Narayana's shape: the RollbackException has no cause; what failed is attached as suppressed.
        jakarta.transaction.RollbackException commit = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("could not commit local tx");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        assertTrue(Outages.storageUnavailable(new EJBException(commit)));

        jakarta.transaction.RollbackException unreachable = new jakarta.transaction.RollbackException("commit failed");
        unreachable.addSuppressed(new XAException(XAException.XAER_RMFAIL));
        assertTrue(Outages.storageUnavailable(unreachable), "XAER_RMFAIL: the resource manager is unavailable");

        jakarta.transaction.RollbackException conflict = new jakarta.transaction.RollbackException("commit failed");
        conflict.addSuppressed(new PersistenceException(new SQLException("duplicate key", "23505")));
        assertFalse(Outages.storageUnavailable(conflict), "a suppressed constraint violation is still the server's");
    }

    @Test
    void a_chain_that_loops_back_on_itself_is_looked_at_once() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(Outages.storageUnavailable(b));
    }

    @Test
    void a_constraint_violation_or_a_bug_is_not_an_outage() {
        assertFalse(Outages.storageUnavailable(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(Outages.storageUnavailable(new PersistenceException(new SQLException("syntax error", "42601"))));
        assertFalse(Outages.storageUnavailable(new NullPointerException()));
    }

    @Test
    void rest_answers_an_outage_503_unavailable_with_retry_after() {
        Response response = new UnexpectedExceptionMapper().toResponse(new EJBException(new PersistenceException(
                new SQLException("refused", "08006"))));

        assertEquals(503, response.getStatus());
        assertEquals("UNAVAILABLE", ((ErrorBody) response.getEntity()).error());
        assertEquals(String.valueOf(Outages.RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
    }
}
