package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.chat.domain.EntryTicket;
import com.alpha01.server.chat.domain.EntryTicketRepository;
import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.privacy.Masking;
import com.alpha01.server.qr.domain.QrScan;
import com.alpha01.server.qr.domain.QrToken;
import com.alpha01.server.qr.infrastructure.QrScanRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A signed-in customer enters a merchant's chat with a valid scan (DESIGN.md flow 3): their open
 * conversation with that merchant is found or created and assigned, and a one-time socket ticket
 * is issued.
 */
@Stateless
public class CustomerEntryService {

    private static final Logger LOG = Logger.getLogger(CustomerEntryService.class);

    /** The qr context's scans: entering spends one. */
    @Inject
    QrScanRepository scans;

    @Inject
    ConversationRepository conversations;

    @Inject
    EntryTicketRepository tickets;

    @Inject
    MerchantDirectory directory;

    @Inject
    Assignment assignment;

    @Inject
    Presence presence;

    /** What the chat page needs to open its socket. */
    public record Entry(UUID conversationId, String merchantName, String ticket, ConversationState state) {
    }

    /** A redeemed ticket: the socket belongs to this customer and conversation. */
    public record Grant(UUID conversationId, String customerSubject) {
    }

    public Entry enter(UUID scanId, Caller customer) {
        QrScan scan = scans.findLocked(scanId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "unknown entry; scan the QR code again"));
        Instant now = Instant.now();
        if (!scan.admit(customer.subject(), now)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "this entry has expired; scan the QR code again");
        }
        Merchant merchant = directory.find(scan.merchantId())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "unknown merchant"));
        Conversation conversation = conversations.lockLatest(merchant.id(), customer.subject())
                .map(existing -> reassignIfOffline(existing, scan, now))
                .orElseGet(() -> open(merchant, scan, customer, now));
        scan.ledTo(conversation.id());
        String ticket = QrToken.generate();
        tickets.add(new EntryTicket(QrToken.hashHex(ticket), conversation.id(), customer.subject(), now));
        return new Entry(conversation.id(), merchant.name(), ticket, conversation.state());
    }

    /**
     * A returning customer keeps their conversation; if its client is gone, it moves to the client
     * of the code just scanned (or the least-loaded online one), else it waits (QUEUED).
     */
    private Conversation reassignIfOffline(Conversation c, QrScan scan, Instant now) {
        if (c.clientId() != null && presence.isOnline(c.clientId())) {
            return c;
        }
        assignment.chooseClient(c.merchant().id(), scan.clientId()).ifPresentOrElse(
                client -> c.assignTo(client, now), () -> c.queue(now));
        LOG.infof("Conversation %s re-entered; %s", c.id(),
                c.clientId() == null ? "queued (no client online)" : "assigned to client " + c.clientId());
        return c;
    }

    private Conversation open(Merchant merchant, QrScan scan, Caller customer, Instant now) {
        MerchantClient client = assignment.chooseClient(merchant.id(), scan.clientId()).orElse(null);
        Conversation c = new Conversation(merchant, client, customer.subject(),
                Masking.mask(customer.username()), scan.qrCodeId(), now);
        conversations.add(c);
        LOG.infof("Conversation %s opened for merchant %s, %s", c.id(), merchant.code(),
                client == null ? "queued (no client online)" : "assigned to client " + client.id());
        return c;
    }

    /** Redeems a socket ticket once; empty when unknown, used or expired. */
    public Optional<Grant> redeem(String ticket) {
        if (!QrToken.wellFormed(ticket)) {
            return Optional.empty();
        }
        return tickets.lock(QrToken.hashHex(ticket)).filter(t -> t.redeem(Instant.now()))
                .map(t -> new Grant(t.conversationId(), t.customerSubject()));
    }
}
