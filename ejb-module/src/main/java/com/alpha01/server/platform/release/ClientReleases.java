package com.alpha01.server.platform.release;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.release.ReleaseSignature;
import com.alpha01.protocol.release.ReleaseTarget;
import com.alpha01.protocol.release.Versions;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.platform.config.Settings;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The merchant client releases this server publishes, one per {@link ReleaseTarget} (D60). A platform admin
 * publishes one from the console; until then a target's release comes from the environment
 * ({@code ALPHA01_CLIENT_<TARGET>_VERSION}, {@code …_MINIMUM_VERSION}, {@code …_URL}, {@code …_SHA256},
 * {@code …_SIZE}, {@code …_SIGNATURE}, {@code …_ROLLOUT}; the versions fall back to
 * {@code ALPHA01_CLIENT_LATEST_VERSION} and {@code …_MINIMUM_VERSION}, then the server's own). A package is published only with a signature of one of
 * the trusted keys ({@code ALPHA01_UPDATE_PUBLIC_KEYS}, else the keys this build ships).
 */
@Stateless
public class ClientReleases {

    private static final Logger LOG = Logger.getLogger(ClientReleases.class);
    static final long MAX_PACKAGE_BYTES = 2L << 30;
    private static final int MAX_NOTES = 2000;
    private static final String UPSERT = "insert into client_release (target, version, minimum_version, package_url,"
            + " package_sha256, package_size, signature, rollout_percent, notes, published_at, published_by)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (target) do update set"
            + " version = excluded.version, minimum_version = excluded.minimum_version,"
            + " package_url = excluded.package_url, package_sha256 = excluded.package_sha256,"
            + " package_size = excluded.package_size, signature = excluded.signature,"
            + " rollout_percent = excluded.rollout_percent, notes = excluded.notes,"
            + " published_at = excluded.published_at, published_by = excluded.published_by";

    @PersistenceContext
    EntityManager em;

    /** The release published for {@code target}. */
    public ReleasePolicy current(ReleaseTarget target, String serverVersion) {
        ClientRelease row = em.find(ClientRelease.class, target.id());
        return row != null ? row.policy() : fromSettings(Settings.system(), target, serverVersion);
    }

    public List<ReleasePolicy> all(String serverVersion) {
        return Arrays.stream(ReleaseTarget.values()).map(t -> current(t, serverVersion)).toList();
    }

    /**
     * Publishes {@code request} for its target, after checking every field and the signature. One statement inserts
     * or replaces the row, so two admins publishing a target's first release at once both succeed (the later wins)
     * instead of one meeting the primary key.
     */
    public ReleasePolicy publish(Caller by, ReleaseTarget target, ReleasePolicy request) {
        ReleasePolicy c = check(target, request, trustedKeys(Settings.system()));
        Instant at = Instant.now();
        em.createNativeQuery(UPSERT).setParameter(1, target.id()).setParameter(2, c.version())
                .setParameter(3, c.minimumVersion()).setParameter(4, c.packageUrl()).setParameter(5, c.sha256())
                .setParameter(6, c.size()).setParameter(7, c.signature()).setParameter(8, (short) c.rolloutPercent())
                .setParameter(9, c.notes()).setParameter(10, at).setParameter(11, by.username()).executeUpdate();
        LOG.infof("Client release %s %s published (minimum %s, rollout %d%%)", target.id(), c.version(),
                c.minimumVersion(), c.rolloutPercent());
        return new ReleasePolicy(target.id(), c.version(), c.minimumVersion(), c.packageUrl(), c.sha256(), c.size(),
                c.signature(), c.rolloutPercent(), c.notes(), at, by.username());
    }

    static ReleasePolicy check(ReleaseTarget target, ReleasePolicy r, List<PublicKey> trusted) {
        if (r == null) {
            throw bad("a release is needed");
        }
        if (!Versions.valid(r.version()) || !Versions.valid(r.minimumVersion())) {
            throw bad("versions are dotted numbers, such as 0.2.0");
        }
        if (Versions.compare(r.minimumVersion(), r.version()) > 0) {
            throw bad("the minimum version is above the version published");
        }
        URI url;
        try {
            url = URI.create(r.packageUrl() == null ? "" : r.packageUrl().strip());
        } catch (IllegalArgumentException e) {
            throw bad("the package URL is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null
                || url.toString().length() > 2000) {
            throw bad("the package URL must be an http(s) address");
        }
        String sha256 = r.sha256() == null ? "" : r.sha256().strip().toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw bad("the SHA-256 is 64 hexadecimal digits");
        }
        if (r.size() <= 0 || r.size() > MAX_PACKAGE_BYTES) {
            throw bad("the package size is missing or above 2 GiB");
        }
        if (r.rolloutPercent() < 0 || r.rolloutPercent() > 100) {
            throw bad("the rollout is a percentage, 0 to 100");
        }
        String notes = r.notes() == null ? "" : r.notes().strip();
        if (notes.length() > MAX_NOTES || notes.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new DomainException(ErrorCode.BAD_TEXT,
                    "release notes are text of at most " + MAX_NOTES + " characters");
        }
        if (trusted.isEmpty()) {
            throw new DomainException(ErrorCode.BAD_SIGNATURE,
                    "this server trusts no release key (ALPHA01_UPDATE_PUBLIC_KEYS): no package can be published");
        }
        if (!ReleaseSignature.verify(trusted, target.id(), r.version(), sha256, r.signature())) {
            throw new DomainException(ErrorCode.BAD_SIGNATURE,
                    "the signature is not a trusted release key's signature of this target, version and SHA-256");
        }
        return new ReleasePolicy(target.id(), r.version(), r.minimumVersion(), url.toString(), sha256, r.size(),
                r.signature().strip(), r.rolloutPercent(), notes, null, null);
    }

    static ReleasePolicy fromSettings(Settings s, ReleaseTarget target, String serverVersion) {
        String key = "client." + target.id() + ".";
        String latest = s.text(key + "version").or(() -> s.text("client.latest.version")).orElse(serverVersion);
        String minimum = s.text(key + "minimum.version").or(() -> s.text("client.minimum.version"))
                .orElse(serverVersion);
        return new ReleasePolicy(target.id(), latest, minimum,
                s.text(key + "url").or(() -> s.text("client.download.url")).orElse(""),
                s.text(key + "sha256").orElse("").toLowerCase(Locale.ROOT), s.number(key + "size", 0),
                s.text(key + "signature").orElse(""), (int) Math.max(0, Math.min(100, s.number(key + "rollout", 100))),
                s.text("client.release.notes").orElse(""), null, "environment");
    }

    static List<PublicKey> trustedKeys(Settings s) {
        return s.text("update.public.keys").map(ReleaseSignature::publicKeys).orElseGet(ReleaseSignature::shippedKeys);
    }

    private static DomainException bad(String message) {
        return new DomainException(ErrorCode.BAD_FRAME, message);
    }
}
