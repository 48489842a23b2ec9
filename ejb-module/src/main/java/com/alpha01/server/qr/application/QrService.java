package com.alpha01.server.qr.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.DomainException;
import com.alpha01.server.qr.domain.QrCode;
import com.alpha01.server.qr.domain.QrScan;
import com.alpha01.server.qr.domain.QrToken;
import com.alpha01.server.qr.domain.ScanOutcome;
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
    public record CreatedQr(UUID id, UUID merchantId, UUID clientId, String url, byte[] png, Instant expiresAt) {
    }

    /** The result of a scan: the recorded scan id, and the outcome. */
    public record ScanResult(UUID scanId, ScanOutcome outcome, UUID merchantId, UUID clientId) {
    }

    public CreatedQr create(Caller staff, UUID clientId, String label, Duration validFor, Integer maxUses,
                            String publicBaseUrl) {
        Merchant merchant = directory.merchantOf(staff);
        MerchantClient client = clientId == null ? null : directory.clientOf(staff, clientId);
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
        em.persist(code);
        String url = connectUrl(publicBaseUrl, merchant.id(), clientId, token, expiresAt);
        LOG.infof("QR code %s created for merchant %s", code.id(), merchant.code());
        return new CreatedQr(code.id(), merchant.id(), clientId, url, QrRenderer.png(url, 480), expiresAt);
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
