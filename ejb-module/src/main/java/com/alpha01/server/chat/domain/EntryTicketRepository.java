package com.alpha01.server.chat.domain;

import java.util.Optional;

/** One-time socket tickets, by the hash of the ticket. */
public interface EntryTicketRepository {

    void add(EntryTicket ticket);

    /** The ticket with that hash, locked (it is redeemed once). */
    Optional<EntryTicket> lock(String tokenHash);
}
