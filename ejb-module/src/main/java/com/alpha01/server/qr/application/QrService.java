package com.alpha01.server.qr.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.application.StoreAccess;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.qr.domain.ConnectUrl;
import com.alpha01.server.qr.domain.QrCode;
import com.alpha01.server.qr.domain.QrToken;
import com.alpha01.server.qr.infrastructure.PrintSheet;
import com.alpha01.server.qr.infrastructure.QrCodeRepository;
import com.alpha01.server.qr.infrastructure.QrRenderer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a merchant's staff do with their QR codes (DESIGN.md flow 2): create, list, revoke,
 * re-issue and draw them again. Only the caller's merchant's codes; another merchant's code is
 * "not found" (no hint that it exists). An admin may name a store ({@code store}, its code): a merchant
 * admin their own, a chain admin one of the chain's, a platform admin any ({@link StoreAccess#managedShop});
 * {@code store} null is the caller's own shop. Scans are {@link ScanService}'s.
 */
@Stateless
public class QrService {

    private static final Logger LOG = Logger.getLogger(QrService.class);

    /** The most codes a list shows. */
    private static final int LIST_MAX = 500;

    @Inject
    MerchantDirectory directory;

    @Inject
    QrCodeRepository codes;

    @Inject
    QrViews views;

    @Inject
    StoreAccess access;

    /** A created code: the token appears only here, inside {@code url}. */
    public record CreatedQr(UUID id, UUID merchantId, UUID clientId, String url, byte[] png, String svg,
                            Instant expiresAt) {
    }

    /** What staff ask for: all optional (a merchant-wide, unlimited code without expiry by default). */
    public record QrRequest(UUID clientId, String label, String scene, Duration validFor, Integer maxUses) {
    }

    /** An image or page of a code, with its media type. */
    public record Rendered(String mediaType, byte[] body) {
    }

    public CreatedQr create(Caller staff, String store, QrRequest request, String publicBaseUrl) {
        return create(shop(staff, store), request, publicBaseUrl);
    }

    private CreatedQr create(Merchant merchant, QrRequest request, String publicBaseUrl) {
        UUID clientId = request.clientId();
        MerchantClient client = clientId == null ? null : directory.findClient(clientId)
                .filter(c -> c.merchant().id().equals(merchant.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such client"));
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
        codes.add(code);
        String url = ConnectUrl.of(publicBaseUrl, merchant.id(), clientId, token, expiresAt);
        LOG.infof("QR code %s created for merchant %s", code.id(), merchant.code());
        return new CreatedQr(code.id(), merchant.id(), clientId, url, QrRenderer.png(url, 480), QrRenderer.svg(url),
                expiresAt);
    }

    /** The caller's merchant's codes, newest first, with their funnels. */
    public List<QrView> list(Caller staff, String store) {
        Merchant merchant = shop(staff, store);
        return views.of(codes.newestOf(merchant, LIST_MAX), Instant.now());
    }

    /** One code of the caller's merchant. */
    public QrView get(Caller staff, String store, UUID id) {
        return views.of(owned(shop(staff, store), id), Instant.now());
    }

    /** Revokes a code: scans of it fail from now on (REVOKED); idempotent. */
    public QrView revoke(Caller staff, String store, UUID id) {
        QrCode code = owned(shop(staff, store), id);
        Instant now = Instant.now();
        code.revoke(now);
        LOG.infof("QR code %s revoked", code.id());
        return views.of(code, now);
    }

    /**
     * Re-issues a code (lost, photographed, or used up): the old one is revoked and a new one with
     * the same binding, label, scene, use limit and validity period is created.
     */
    public CreatedQr reissue(Caller staff, String store, UUID id, String publicBaseUrl) {
        Merchant merchant = shop(staff, store);
        QrCode old = owned(merchant, id);
        Instant now = Instant.now();
        old.revoke(now);
        Duration validity = old.expiresAt() == null ? null : Duration.between(old.createdAt(), old.expiresAt());
        CreatedQr created = create(merchant, new QrRequest(old.client() == null ? null : old.client().id(), old.label(),
                old.scene(), validity, old.maxUses()), publicBaseUrl);
        LOG.infof("QR code %s re-issued as %s", old.id(), created.id());
        return created;
    }

    /**
     * Renders a code from its URL (the token is not stored, so only the holder of the URL can have
     * it drawn again; the image carries this server's public URL, whatever host the given one
     * names): {@code png}, {@code svg} or {@code sheet} (a printable A4 page). Only an active code of
     * the caller's merchant.
     */
    public Rendered render(Caller staff, String store, String url, String format, String publicBaseUrl) {
        Merchant merchant = shop(staff, store);
        String token = ConnectUrl.tokenOf(url);
        QrCode code = token == null || !QrToken.wellFormed(token) ? null : codes.findByToken(token).orElse(null);
        if (code == null || !code.hasToken(token) || !code.merchant().id().equals(merchant.id())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such QR code");
        }
        if (code.status(Instant.now()) != QrCode.Status.ACTIVE) {
            throw new DomainException(ErrorCode.CONFLICT, "the code is " + code.status(Instant.now()).name().toLowerCase()
                    + "; re-issue it to print a working one");
        }
        String canonical = ConnectUrl.of(publicBaseUrl, merchant.id(),
                code.client() == null ? null : code.client().id(), token, code.expiresAt());
        return switch (format == null ? "png" : format) {
            case "png" -> new Rendered("image/png", QrRenderer.png(canonical, 600));
            case "svg" -> new Rendered("image/svg+xml", QrRenderer.svg(canonical).getBytes(StandardCharsets.UTF_8));
            case "sheet" -> new Rendered("text/html;charset=utf-8", PrintSheet.html(merchant.name(), code.label(),
                    canonical).getBytes(StandardCharsets.UTF_8));
            default -> throw new DomainException(ErrorCode.BAD_FRAME, "format is png, svg or sheet");
        };
    }

    /** The caller's own shop, or the store an admin names. */
    private Merchant shop(Caller caller, String store) {
        return store == null || store.isBlank() ? directory.merchantOf(caller) : access.managedShop(caller, store);
    }

    private QrCode owned(Merchant merchant, UUID id) {
        return codes.find(id).filter(code -> code.merchant().id().equals(merchant.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such QR code"));
    }
}
