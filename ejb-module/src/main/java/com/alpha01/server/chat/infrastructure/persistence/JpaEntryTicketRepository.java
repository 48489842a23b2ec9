package com.alpha01.server.chat.infrastructure.persistence;

import com.alpha01.server.chat.domain.EntryTicket;
import com.alpha01.server.chat.domain.EntryTicketRepository;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** {@link EntryTicketRepository} with JPA. */
@Stateless
public class JpaEntryTicketRepository implements EntryTicketRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(EntryTicket ticket) {
        em.persist(ticket);
    }

    @Override
    public Optional<EntryTicket> lock(String tokenHash) {
        return Optional.ofNullable(em.find(EntryTicket.class, tokenHash, LockModeType.PESSIMISTIC_WRITE));
    }
}
