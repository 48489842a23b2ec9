package com.alpha01.server.qr.infrastructure;

import com.alpha01.server.qr.domain.QrScan;
import com.alpha01.server.qr.domain.ScanOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The recorded scans in PostgreSQL, and what became of them (counted per code in grouped queries). */
@ApplicationScoped
public class QrScanRepository {

    @PersistenceContext
    EntityManager em;

    /** Of a code's valid scans: how many customers signed in, wrote, and were answered after the scan. */
    public record Steps(long signedIn, long conversationStarted, long firstReply) {
        public static final Steps NONE = new Steps(0, 0, 0);
    }

    public Optional<QrScan> find(UUID id) {
        return Optional.ofNullable(em.find(QrScan.class, id));
    }

    /** The scan, locked until the transaction ends: a customer's entry spends it once. */
    public Optional<QrScan> findLocked(UUID id) {
        return Optional.ofNullable(em.find(QrScan.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(QrScan scan) {
        em.persist(scan);
    }

    /** Per code of {@code codeIds} that has scans: its scans counted by outcome (one grouped query). */
    public Map<UUID, Map<ScanOutcome, Long>> outcomesByCode(UUID[] codeIds) {
        Map<UUID, Map<ScanOutcome, Long>> outcomes = new HashMap<>();
        for (Object row : em.createNativeQuery("select qr_code_id, outcome, count(*) from qr_scan "
                        + "where qr_code_id = any (?) group by qr_code_id, outcome")
                .setParameter(1, codeIds).getResultList()) {
            Object[] r = (Object[]) row;
            outcomes.computeIfAbsent((UUID) r[0], k -> new EnumMap<>(ScanOutcome.class))
                    .put(ScanOutcome.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return outcomes;
    }

    /** Per code of {@code codeIds}: the {@link Steps} of its valid scans (one grouped query); none for a code without. */
    public Map<UUID, Steps> stepsByCode(UUID[] codeIds) {
        Map<UUID, Steps> steps = new HashMap<>();
        for (Object row : em.createNativeQuery("select s.qr_code_id, "
                        + "count(*) filter (where s.customer_subject is not null), "
                        + "count(*) filter (where exists (select 1 from chat_message m where m.conversation_id = "
                        + "s.conversation_id and m.sender = 'CUSTOMER' and m.created_at >= s.scanned_at)), "
                        + "count(*) filter (where exists (select 1 from chat_message m where m.conversation_id = "
                        + "s.conversation_id and m.sender <> 'CUSTOMER' and m.created_at >= s.scanned_at)) "
                        + "from qr_scan s where s.qr_code_id = any (?) and s.outcome = 'VALID' group by s.qr_code_id")
                .setParameter(1, codeIds).getResultList()) {
            Object[] r = (Object[]) row;
            steps.put((UUID) r[0], new Steps(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()));
        }
        return steps;
    }
}
