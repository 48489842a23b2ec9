package com.alpha01.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.logging.Logger;

/**
 * A certificate authority of this machine only, made with the JDK's {@code keytool} (nothing to
 * download), and one server certificate it signed for {@code localhost} and {@code 127.0.0.1}: the dev
 * stack's WildFly and Keycloak serve it, the tests' too. Files in {@code dir}:
 * <ul>
 *   <li>{@code ca.p12} — the CA's key (never leaves the folder), {@code ca.pem} — its certificate, which a
 *       merchant client trusts through {@code ALPHA01_TRUST_STORE};</li>
 *   <li>{@code server.p12} — the server's key and chain (alias {@code server}), for
 *       {@code ALPHA01_TLS_KEYSTORE} and Keycloak's {@code --https-key-store-file};</li>
 *   <li>{@code truststore.p12} — the JDK's own CAs plus this one, for the JVMs that call the servers
 *       ({@code javax.net.ssl.trustStore}); without a password, like the JDK's {@code cacerts}.</li>
 * </ul>
 * Made once; made again when the server certificate has less than 30 days left (it is issued for 397).
 */
public final class LocalCa {

    private static final Logger LOG = Logger.getLogger(LocalCa.class);
    public static final String SERVER_ALIAS = "server";
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path dir;
    private final String password;

    private LocalCa(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** The CA in {@code dir}, made (or renewed) now when needed; {@code password} protects the three stores. */
    public static LocalCa ensure(Path dir, String password) throws IOException {
        LocalCa ca = new LocalCa(dir.toAbsolutePath(), password);
        if (!ca.current()) {
            ca.make();
        }
        return ca;
    }

    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    public String password() {
        return password;
    }

    /** The server certificate's key as Chromium's {@code --ignore-certificate-errors-spki-list} names it. */
    public String serverSpkiSha256() throws IOException {
        try {
            byte[] spki = serverCertificate().getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (GeneralSecurityException e) {
            throw new IOException("server certificate unreadable: " + e.getMessage(), e);
        }
    }

    /** An SSL context that trusts the JDK's CAs and this one (for the stack's own probes). */
    public SSLContext sslContext() throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore(), null));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("trust store unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * The system properties under which a JVM trusts this CA besides the JDK's own
     * ({@code -Djavax.net.ssl.trustStore=…}).
     */
    public List<String> trustStoreJvmOptions() {
        return trustStoreProperties().entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The same as system properties (set them before the JVM's first TLS connection). */
    public java.util.Map<String, String> trustStoreProperties() {
        return java.util.Map.of("javax.net.ssl.trustStore", trustStore().toString(), "javax.net.ssl.trustStoreType", "PKCS12");
    }

    private boolean current() {
        try {
            if (!Files.exists(trustStore()) || !Files.exists(caCertificate())) {
                return false;
            }
            load(trustStore(), null);
            X509Certificate server = serverCertificate();
            return server.getNotAfter().after(Date.from(Instant.now().plus(RENEW_BEFORE)));
        } catch (IOException | GeneralSecurityException e) {
            LOG.infof("Local CA in %s unusable (%s): making a new one", dir, e.getMessage());
            return false;
        }
    }

    private X509Certificate serverCertificate() throws IOException, GeneralSecurityException {
        KeyStore store = load(serverKeyStore(), password.toCharArray());
        X509Certificate cert = (X509Certificate) store.getCertificate(SERVER_ALIAS);
        if (cert == null) {
            throw new GeneralSecurityException("no " + SERVER_ALIAS + " entry in " + serverKeyStore());
        }
        return cert;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private void make() throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("ca.p12", "ca.pem", "server.p12", "server.csr", "server.pem", "truststore.p12")) {
            Files.deleteIfExists(dir.resolve(name));
        }
        String ca = dir.resolve("ca.p12").toString();
        String server = serverKeyStore().toString();
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Alpha 01 local CA " + Instant.now().getEpochSecond() + ", O=Alpha 01 dev",
                "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", "3650",
                "-keystore", ca, "-storetype", "PKCS12", "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", password,
                "-file", caCertificate().toString());
        keytool("-genkeypair", "-alias", SERVER_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost, O=Alpha 01 dev", "-validity", "397",
                "-keystore", server, "-storetype", "PKCS12", "-storepass", password);
        keytool("-certreq", "-alias", SERVER_ALIAS, "-keystore", server, "-storepass", password,
                "-file", dir.resolve("server.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", password,
                "-infile", dir.resolve("server.csr").toString(), "-outfile", dir.resolve("server.pem").toString(),
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "ku:c=digitalSignature",
                "-ext", "eku=serverAuth", "-validity", "397");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", server, "-storepass", password,
                "-file", caCertificate().toString());
        keytool("-importcert", "-noprompt", "-alias", SERVER_ALIAS, "-keystore", server, "-storepass", password,
                "-file", dir.resolve("server.pem").toString());
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        // The trust store holds no secret: written without a password (no MAC, certificates in the clear, as the
        // JDK's own cacerts), so no JVM that reads it needs one on its command line or in a log.
        String[] clear = {"-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE"};
        if (Files.exists(cacerts)) {
            keytool(clear[0], clear[1], "-importkeystore", "-noprompt", "-srckeystore", cacerts.toString(),
                    "-srcstorepass", "changeit", "-destkeystore", trustStore().toString(), "-deststoretype", "PKCS12",
                    "-deststorepass", password);
        }
        keytool(clear[0], clear[1], "-importcert", "-noprompt", "-alias", "alpha01-local-ca", "-keystore",
                trustStore().toString(), "-storetype", "PKCS12", "-storepass", password, "-file", caCertificate().toString());
        Files.deleteIfExists(dir.resolve("server.csr"));
        LOG.infof("Local CA and a server certificate for localhost/127.0.0.1 made in %s", dir);
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool " + args[0] + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }
}
