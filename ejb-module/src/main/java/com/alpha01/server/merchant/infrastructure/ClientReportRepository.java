package com.alpha01.server.merchant.infrastructure;

import com.alpha01.server.merchant.domain.ClientReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The clients' latest reports in PostgreSQL (JPA), in the caller's transaction. */
@ApplicationScoped
public class ClientReportRepository {

    @PersistenceContext
    EntityManager em;

    /**
     * The client's report row, made empty (nothing done, reported at the epoch) if it has none, and locked
     * until the transaction ends: two reports of one client, even on two nodes, each count once.
     */
    public ClientReport lockedFor(UUID clientId) {
        em.createNativeQuery("insert into client_report (client_id, reported_at, ai_answers, staff_answers, hand_offs,"
                        + " model_errors, automation_runs, automation_failures) values (?1, 'epoch', 0, 0, 0, 0, 0, 0)"
                        + " on conflict (client_id) do nothing")
                .setParameter(1, clientId).executeUpdate();
        return em.find(ClientReport.class, clientId, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ClientReport> of(Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from ClientReport r where r.clientId in :ids", ClientReport.class)
                .setParameter("ids", clientIds).getResultList();
    }
}
