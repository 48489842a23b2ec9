package com.alpha01.client.link;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@link ServerTrust}'s check of a server's chain: accepted when one of the managers accepts it (each checks
 * the path and, on an engine or socket with endpoint identification, the host name), then, with pins, only
 * when the chain holds a pinned key. Expiry is said first and plainly; no manager at all (an unreadable trust
 * store) trusts nothing.
 */
final class CombinedTrustManager extends X509ExtendedTrustManager {

    static final class PinMismatch extends CertificateException {
        PinMismatch(String message) {
            super(message);
        }
    }

    static final class NothingTrusted extends CertificateException {
        NothingTrusted() {
            super("the configured trust store cannot be read: no server certificate is trusted");
        }
    }

    private final List<X509ExtendedTrustManager> managers;
    private final Set<String> pins;

    CombinedTrustManager(List<X509ExtendedTrustManager> managers, Set<String> pins) {
        this.managers = List.copyOf(managers);
        this.pins = pins;
    }

    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check check) throws CertificateException {
        if (managers.isEmpty()) {
            throw new NothingTrusted();
        }
        // Said first and plainly: the JDK's path builder reports an expired certificate as "no valid path".
        for (X509Certificate cert : chain) {
            cert.checkValidity();
        }
        CertificateException first = null;
        boolean trusted = false;
        for (X509ExtendedTrustManager manager : managers) {
            try {
                check.run(manager);
                trusted = true;
                break;
            } catch (CertificateException e) {
                // A host name mismatch says more than "not trusted by the other store".
                if (first == null || ServerTrust.problem(e).orElse(null) == ServerTrust.Problem.WRONG_HOST) {
                    first = e;
                }
            }
        }
        if (!trusted) {
            throw first;
        }
        if (!pins.isEmpty() && Arrays.stream(chain).map(ServerTrust::pin).noneMatch(pins::contains)) {
            throw new PinMismatch("the server's certificate chain holds none of the pinned keys");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the merchant client accepts no client connections over TLS");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the merchant client accepts no client connections over TLS");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the merchant client accepts no client connections over TLS");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
    }
}
