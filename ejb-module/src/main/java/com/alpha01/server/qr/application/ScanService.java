package com.alpha01.server.qr.application;

import com.alpha01.server.platform.metrics.Meters;
import com.alpha01.server.qr.domain.QrCode;
import com.alpha01.server.qr.domain.QrScan;
import com.alpha01.server.qr.domain.QrToken;
import com.alpha01.server.qr.domain.ScanOutcome;
import com.alpha01.server.qr.infrastructure.QrCodeRepository;
import com.alpha01.server.qr.infrastructure.QrScanRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Judges a scan of a QR code's {@code /connect} URL and records it, whatever the outcome (DESIGN.md flow 3). */
@Stateless
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);

    /**
     * What the customer who scanned is told: go on to the chat ({@code ENTER}, with the scan id as
     * entry pass), or that the code has expired, is no longer active (revoked, used up), or is not
     * valid (unknown, forged, or not this shop's); nothing finer, so a page reveals little.
     */
    public enum Verdict { ENTER, EXPIRED, INACTIVE, INVALID }

    /**
     * The recorded scan's id and what the customer is told; {@code shopName} (ENTER only, else null) is shown on
     * the sign-in page the customer meets next (the login theme reads it from the chat page's address).
     */
    public record ScanResult(UUID scanId, Verdict verdict, String shopName) {
        public ScanResult(UUID scanId, Verdict verdict) {
            this(scanId, verdict, null);
        }
    }

    @Inject
    Meters meters;

    @Inject
    QrCodeRepository codes;

    @Inject
    QrScanRepository scans;

    /** Parameters are the raw query values; malformed ones count as forged. */
    public ScanResult scan(String merchantIdParam, String clientIdParam, String token) {
        Instant now = Instant.now();
        UUID merchantId = parseUuid(merchantIdParam);
        UUID clientId = clientIdParam == null || clientIdParam.isEmpty() ? null : parseUuid(clientIdParam);
        boolean clientMalformed = clientIdParam != null && !clientIdParam.isEmpty() && clientId == null;
        QrCode code = null;
        ScanOutcome outcome = ScanOutcome.FORGED;
        if (merchantId != null && !clientMalformed && QrToken.wellFormed(token)) {
            code = codes.lockByToken(token).orElse(null);
            if (code != null) {
                outcome = code.scan(token, merchantId, clientId, now);
            }
        }
        QrScan scan = new QrScan(code == null ? null : code.id(), merchantId, clientId, outcome, now);
        scans.add(scan);
        meters.qrScan(outcome.name());
        // Every scan is a row (the funnel counts them); the log says only who got in, so a flood of
        // forged scans writes no line per request (the edge's rate limit logs the flood once, D43).
        if (outcome == ScanOutcome.VALID) {
            LOG.infof("QR scan %s: %s", scan.id(), outcome);
        } else {
            LOG.debugf("QR scan %s: %s", scan.id(), outcome);
        }
        return new ScanResult(scan.id(), verdict(outcome),
                outcome == ScanOutcome.VALID && code != null ? code.merchant().name() : null);
    }

    static Verdict verdict(ScanOutcome outcome) {
        return switch (outcome) {
            case VALID -> Verdict.ENTER;
            case EXPIRED -> Verdict.EXPIRED;
            case REVOKED, USED_UP -> Verdict.INACTIVE;
            case FORGED, MISMATCH -> Verdict.INVALID;
        };
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
