package com.alpha01.client.link;

import com.alpha01.client.settings.ClientSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.logging.Logger;

/**
 * Which server certificates the merchant client accepts, for every call it makes to the server and to
 * Keycloak (D51):
 * <ul>
 *   <li>the system's trusted CAs (the JDK's, or {@code javax.net.ssl.trustStore});</li>
 *   <li>plus the certificates in {@code ALPHA01_TRUST_STORE} ({@code trust.store} in
 *       {@code client.properties}): a PEM file of CA certificates, or a PKCS12/JKS store
 *       ({@code ALPHA01_TRUST_STORE_PASSWORD}) — a shop's own CA, or the dev stack's;</li>
 *   <li>and, with {@code ALPHA01_TLS_PINS} (comma-separated base64 SHA-256 of a certificate's public key,
 *       {@code sha256/} prefix optional), only a chain holding one of those keys, on top of the checks above.</li>
 * </ul>
 * Host names are always checked. A refused certificate is never worked around: the connection fails, and
 * {@link #problem(Throwable)} names why in terms 状态 shows ({@link Problem}); the last one is kept for it.
 * A trust store that cannot be read refuses every server rather than trusting less carefully.
 */
public final class ServerTrust {

    private static final Logger LOG = Logger.getLogger(ServerTrust.class);

    /** Why a TLS connection was refused, as 状态 names it ({@code tls.<code>} in the page's message tables). */
    public enum Problem {
        /** Signed by no CA the client trusts (self-signed, a private CA not in the trust store). */
        UNTRUSTED,
        /** Valid, but for another host than the one dialled. */
        WRONG_HOST,
        /** Expired or not yet valid. */
        EXPIRED,
        /** Trusted, but its key is not one of {@code ALPHA01_TLS_PINS}. */
        PIN_MISMATCH,
        /** {@code ALPHA01_TRUST_STORE} could not be read: nothing is trusted until it is fixed. */
        TRUST_STORE,
        /** Any other failure of the TLS handshake (protocol, cipher). */
        HANDSHAKE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static volatile ServerTrust shared;

    private final SSLContext context;
    private final String description;
    private volatile Problem lastProblem;

    private ServerTrust(SSLContext context, String description) {
        this.context = context;
        this.description = description;
    }

    /** The client's trust, from its settings (read once). */
    public static ServerTrust shared() {
        ServerTrust s = shared;
        if (s == null) {
            synchronized (ServerTrust.class) {
                if (shared == null) {
                    ClientSettings settings = ClientSettings.load();
                    shared = from(settings.get("trust.store").map(Path::of).orElse(null),
                            settings.get("trust.store.password").orElse(null), settings.get("tls.pins").orElse(null));
                }
                s = shared;
            }
        }
        return s;
    }

    /**
     * Trust made of the system's CAs, the certificates in {@code store} (null: none) and the pins
     * (null or blank: none). An unreadable store gives a trust that refuses every certificate.
     */
    public static ServerTrust from(Path store, String storePassword, String pins) {
        Set<String> pinned = pins == null ? Set.of() : Arrays.stream(pins.split(","))
                .map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.regionMatches(true, 0, "sha256/", 0, 7) ? p.substring(7) : p)
                .collect(Collectors.toUnmodifiableSet());
        List<X509ExtendedTrustManager> managers = new ArrayList<>();
        String description = "system CAs";
        try {
            managers.add(trustManager(null));
            if (store != null) {
                managers.add(trustManager(load(store, storePassword)));
                description += " + " + store.getFileName();
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.errorf("The trust store %s cannot be read (%s): no server is trusted until it is fixed", store,
                    e.getMessage());
            managers.clear();
            description = "unreadable trust store " + store;
        }
        if (!pinned.isEmpty()) {
            description += ", " + pinned.size() + " pinned key(s)";
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new CombinedTrustManager(managers, pinned)}, null);
            return new ServerTrust(context, description);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /** An HTTP client builder that uses this trust (for HTTPS and WSS alike). */
    public HttpClient.Builder httpClient() {
        return HttpClient.newBuilder().sslContext(context);
    }

    public SSLContext sslContext() {
        return context;
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Names a failure that is a refused certificate or a failed handshake, and keeps it as the last
     * problem (for 状态); empty for anything else (refused connection, timeout), which leaves it as is.
     */
    public Optional<Problem> noteFailure(Throwable failure) {
        Optional<Problem> problem = problem(failure);
        problem.ifPresent(p -> {
            if (lastProblem != p) {
                LOG.warnf("The server's certificate was refused (%s): %s", p.code(), rootMessage(failure));
            }
            lastProblem = p;
        });
        return problem;
    }

    /** A connection made it through TLS: no problem to show any more. */
    public void noteSuccess() {
        lastProblem = null;
    }

    /** The problem of the last refused connection, until one succeeds. */
    public Optional<Problem> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    /** What a failure says about TLS, if anything. */
    public static Optional<Problem> problem(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        // The most telling cause first: the JDK wraps an expired or misnamed certificate in a "PKIX" failure.
        if (chain.stream().anyMatch(CombinedTrustManager.PinMismatch.class::isInstance)) {
            return Optional.of(Problem.PIN_MISMATCH);
        }
        if (chain.stream().anyMatch(CombinedTrustManager.NothingTrusted.class::isInstance)) {
            return Optional.of(Problem.TRUST_STORE);
        }
        if (chain.stream().anyMatch(t -> t instanceof CertificateExpiredException
                || t instanceof java.security.cert.CertificateNotYetValidException
                || t instanceof CertPathValidatorException cpv && (cpv.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                        || cpv.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID))) {
            return Optional.of(Problem.EXPIRED);
        }
        if (chain.stream().anyMatch(t -> t instanceof CertificateException
                && (String.valueOf(t.getMessage()).contains("No subject alternative")
                        || String.valueOf(t.getMessage()).contains("No name matching")))) {
            return Optional.of(Problem.WRONG_HOST);
        }
        if (chain.stream().anyMatch(t -> t instanceof CertPathValidatorException
                || t instanceof java.security.cert.CertPathBuilderException
                || String.valueOf(t.getMessage()).contains("PKIX path")
                || String.valueOf(t.getMessage()).contains("unable to find valid certification path"))) {
            return Optional.of(Problem.UNTRUSTED);
        }
        return chain.stream().anyMatch(SSLException.class::isInstance) ? Optional.of(Problem.HANDSHAKE) : Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(file)) {
                int i = 0;
                for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("alpha01-" + i++, cert);
                }
                if (i == 0) {
                    throw new GeneralSecurityException("no certificate in " + file);
                }
            }
            return store;
        }
        return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** The key in {@code cert} as {@code ALPHA01_TLS_PINS} names it: base64 of the SHA-256 of its SubjectPublicKeyInfo. */
    public static String pin(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(cert.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
