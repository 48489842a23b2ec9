package com.alpha01.server.qr.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.qr.domain.QrCode;
import com.alpha01.server.qr.domain.QrScan;
import com.alpha01.server.qr.domain.QrToken;
import com.alpha01.server.qr.domain.ScanOutcome;
import com.alpha01.server.qr.infrastructure.PrintSheet;
import com.alpha01.server.qr.infrastructure.QrRenderer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Creates QR codes and judges scans of their URLs (DESIGN.md flows 2 and 3). */
@Stateless
public class QrService {

    private static final Logger LOG = Logger.getLogger(QrService.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    MerchantDirectory directory;

    /** A created code: the token appears only here, inside {@code url}. */
    public record CreatedQr(UUID id, UUID merchantId, UUID clientId, String url, byte[] png, String svg,
                            Instant expiresAt) {
    }

    /** The result of a scan: the recorded scan id, and the outcome. */
    public record ScanResult(UUID scanId, ScanOutcome outcome, UUID merchantId, UUID clientId) {
    }

    /** What staff ask for: all optional (a merchant-wide, unlimited code without expiry by default). */
    public record QrRequest(UUID clientId, String label, String scene, Duration validFor, Integer maxUses) {
    }

    /** A code as staff see it in their list: settings, standing, and its funnel. */
    public record QrView(UUID id, UUID clientId, String label, String scene, Instant createdAt, Instant expiresAt,
                         Instant revokedAt, Integer maxUses, int uses, QrCode.Status status, Funnel funnel) {
    }

    /**
     * Per code: every scan by outcome; valid scans whose customer signed in; those that led to a
     * customer message; and those whose conversation then got an answer.
     */
    public record Funnel(long scans, Map<ScanOutcome, Long> outcomes, long signedIn, long conversationStarted,
                         long firstReply) {
    }

    /** An image or page of a code, with its media type. */
    public record Rendered(String mediaType, byte[] body) {
    }

    public CreatedQr create(Caller staff, QrRequest request, String publicBaseUrl) {
        Merchant merchant = directory.merchantOf(staff);
        UUID clientId = request.clientId();
        MerchantClient client = clientId == null ? null : directory.clientOf(staff, clientId);
        String label = request.label();
        String scene = request.scene();
        Duration validFor = request.validFor();
        Integer maxUses = request.maxUses();
        if (label != null && label.strip().length() > 200 || scene != null && scene.strip().length() > 100) {
            throw new DomainException(ErrorCode.BAD_FRAME, "label at most 200, scene at most 100 characters");
        }
        if (maxUses != null && maxUses < 1) {
            throw new DomainException(ErrorCode.BAD_FRAME, "maxUses must be at least 1");
        }
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new DomainException(ErrorCode.BAD_FRAME, "validity must be positive");
        }
        Instant now = Instant.now();
        Instant expiresAt = validFor == null ? null : now.plus(validFor);
        String token = QrToken.generate();
        QrCode code = new QrCode(merchant, client, QrToken.hash(token),
                label == null ? null : label.strip(), now, expiresAt, maxUses);
        code.tag(scene == null || scene.isBlank() ? null : scene.strip());
        em.persist(code);
        String url = connectUrl(publicBaseUrl, merchant.id(), clientId, token, expiresAt);
        LOG.infof("QR code %s created for merchant %s", code.id(), merchant.code());
        return new CreatedQr(code.id(), merchant.id(), clientId, url, QrRenderer.png(url, 480), QrRenderer.svg(url),
                expiresAt);
    }

    /** The caller's merchant's codes, newest first, with their funnels. */
    public List<QrView> list(Caller staff) {
        Merchant merchant = directory.merchantOf(staff);
        Instant now = Instant.now();
        return views(em.createQuery("select q from QrCode q left join fetch q.client where q.merchant = :m "
                        + "order by q.createdAt desc", QrCode.class)
                .setParameter("m", merchant).setMaxResults(500).getResultList(), now);
    }

    /** One code of the caller's merchant; another merchant's code is "not found" (no hint that it exists). */
    public QrView get(Caller staff, UUID id) {
        return view(owned(staff, id), Instant.now());
    }

    /** Revokes a code: scans of it fail from now on (REVOKED); idempotent. */
    public QrView revoke(Caller staff, UUID id) {
        QrCode code = owned(staff, id);
        Instant now = Instant.now();
        code.revoke(now);
        LOG.infof("QR code %s revoked", code.id());
        return view(code, now);
    }

    /**
     * Re-issues a code (lost, photographed, or used up): the old one is revoked and a new one with
     * the same binding, label, scene, use limit and validity period is created.
     */
    public CreatedQr reissue(Caller staff, UUID id, String publicBaseUrl) {
        QrCode old = owned(staff, id);
        Instant now = Instant.now();
        old.revoke(now);
        Duration validity = old.expiresAt() == null ? null : Duration.between(old.createdAt(), old.expiresAt());
        CreatedQr created = create(staff, new QrRequest(old.client() == null ? null : old.client().id(), old.label(),
                old.scene(), validity, old.maxUses()), publicBaseUrl);
        LOG.infof("QR code %s re-issued as %s", old.id(), created.id());
        return created;
    }

    /**
     * Renders a code from its URL (the token is not stored, so only the holder of the URL can have
     * it drawn again; the image carries this server's public URL, whatever host the given one names): {@code png}, {@code svg} or {@code sheet} (a printable A4 page). Only an
     * active code of the caller's merchant.
     */
    public Rendered render(Caller staff, String url, String format, String publicBaseUrl) {
        Merchant merchant = directory.merchantOf(staff);
        String token = queryParameter(url, "token");
        QrCode code = token == null || !QrToken.wellFormed(token) ? null : em.createQuery(
                        "select q from QrCode q where q.tokenHash = :h", QrCode.class)
                .setParameter("h", QrToken.hash(token)).getResultStream().findFirst().orElse(null);
        if (code == null || !code.hasToken(token) || !code.merchant().id().equals(merchant.id())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such QR code");
        }
        if (code.status(Instant.now()) != QrCode.Status.ACTIVE) {
            throw new DomainException(ErrorCode.CONFLICT, "the code is " + code.status(Instant.now()).name().toLowerCase()
                    + "; re-issue it to print a working one");
        }
        String canonical = connectUrl(publicBaseUrl, merchant.id(),
                code.client() == null ? null : code.client().id(), token, code.expiresAt());
        return switch (format == null ? "png" : format) {
            case "png" -> new Rendered("image/png", QrRenderer.png(canonical, 600));
            case "svg" -> new Rendered("image/svg+xml", QrRenderer.svg(canonical).getBytes(StandardCharsets.UTF_8));
            case "sheet" -> new Rendered("text/html;charset=utf-8", PrintSheet.html(merchant.name(), code.label(),
                    canonical).getBytes(StandardCharsets.UTF_8));
            default -> throw new DomainException(ErrorCode.BAD_FRAME, "format is png, svg or sheet");
        };
    }

    /**
     * The funnels of {@code codeIds} (see {@link Funnel}), in two grouped queries whatever their
     * number; a code without scans has an empty funnel.
     */
    Map<UUID, Funnel> funnels(List<UUID> codeIds) {
        if (codeIds.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = codeIds.toArray(UUID[]::new);
        Map<UUID, Map<ScanOutcome, Long>> outcomes = new HashMap<>();
        for (Object row : em.createNativeQuery("select qr_code_id, outcome, count(*) from qr_scan "
                        + "where qr_code_id = any (?) group by qr_code_id, outcome")
                .setParameter(1, ids).getResultList()) {
            Object[] r = (Object[]) row;
            outcomes.computeIfAbsent((UUID) r[0], k -> new EnumMap<>(ScanOutcome.class))
                    .put(ScanOutcome.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        Map<UUID, long[]> steps = new HashMap<>();
        for (Object row : em.createNativeQuery("select s.qr_code_id, "
                        + "count(*) filter (where s.customer_subject is not null), "
                        + "count(*) filter (where exists (select 1 from chat_message m where m.conversation_id = "
                        + "s.conversation_id and m.sender = 'CUSTOMER' and m.created_at >= s.scanned_at)), "
                        + "count(*) filter (where exists (select 1 from chat_message m where m.conversation_id = "
                        + "s.conversation_id and m.sender <> 'CUSTOMER' and m.created_at >= s.scanned_at)) "
                        + "from qr_scan s where s.qr_code_id = any (?) and s.outcome = 'VALID' group by s.qr_code_id")
                .setParameter(1, ids).getResultList()) {
            Object[] r = (Object[]) row;
            steps.put((UUID) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()});
        }
        Map<UUID, Funnel> funnels = new HashMap<>();
        for (UUID id : codeIds) {
            Map<ScanOutcome, Long> byOutcome = outcomes.getOrDefault(id, Map.of());
            long[] s = steps.getOrDefault(id, new long[3]);
            funnels.put(id, new Funnel(byOutcome.values().stream().mapToLong(Long::longValue).sum(), byOutcome,
                    s[0], s[1], s[2]));
        }
        return funnels;
    }

    private List<QrView> views(List<QrCode> codes, Instant now) {
        Map<UUID, Funnel> funnels = funnels(codes.stream().map(QrCode::id).toList());
        return codes.stream().map(q -> new QrView(q.id(), q.client() == null ? null : q.client().id(), q.label(),
                q.scene(), q.createdAt(), q.expiresAt(), q.revokedAt(), q.maxUses(), q.uses(), q.status(now),
                funnels.get(q.id()))).toList();
    }

    private QrView view(QrCode q, Instant now) {
        return views(List.of(q), now).get(0);
    }

    private QrCode owned(Caller staff, UUID id) {
        Merchant merchant = directory.merchantOf(staff);
        QrCode code = em.find(QrCode.class, id);
        if (code == null || !code.merchant().id().equals(merchant.id())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such QR code");
        }
        return code;
    }

    private static String queryParameter(String url, String name) {
        int q = url == null ? -1 : url.indexOf('?');
        if (q < 0 || url.indexOf("/connect") < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * Judges a scan of a {@code /connect} URL and records it, whatever the outcome. Parameters are
     * the raw query values; malformed ones count as forged.
     */
    public ScanResult scan(String merchantIdParam, String clientIdParam, String token) {
        Instant now = Instant.now();
        UUID merchantId = parseUuid(merchantIdParam);
        UUID clientId = clientIdParam == null || clientIdParam.isEmpty() ? null : parseUuid(clientIdParam);
        boolean clientMalformed = clientIdParam != null && !clientIdParam.isEmpty() && clientId == null;
        QrCode code = null;
        ScanOutcome outcome = ScanOutcome.FORGED;
        if (merchantId != null && !clientMalformed && QrToken.wellFormed(token)) {
            code = findByToken(token);
            if (code != null) {
                outcome = code.scan(token, merchantId, clientId, now);
            }
        }
        QrScan scan = new QrScan(code == null ? null : code.id(), merchantId, clientId, outcome, now);
        em.persist(scan);
        LOG.infof("QR scan %s: %s", scan.id(), outcome);
        return new ScanResult(scan.id(), outcome, merchantId, clientId);
    }

    private QrCode findByToken(String token) {
        return em.createQuery("select q from QrCode q where q.tokenHash = :h", QrCode.class)
                .setParameter("h", QrToken.hash(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }

    static String connectUrl(String base, UUID merchantId, UUID clientId, String token, Instant expiresAt) {
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .append("/connect?merchant_id=").append(merchantId);
        if (clientId != null) {
            url.append("&client_id=").append(clientId);
        }
        url.append("&token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        if (expiresAt != null) {
            url.append("&expires=").append(expiresAt.getEpochSecond());
        }
        return url.toString();
    }

    private static UUID parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
