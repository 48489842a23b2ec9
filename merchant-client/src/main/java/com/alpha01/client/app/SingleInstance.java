package com.alpha01.client.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One app per user (per home folder): the first start holds an OS file lock on
 * {@code <home>/app.lock} and listens on a loopback port written beside it with a random token; a
 * second start finds the lock taken, asks the first to show its window, and exits. The lock goes
 * with the process, so a crash never leaves the app "already running".
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SingleInstance.class);

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path portFile;

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, Path portFile) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.portFile = portFile;
    }

    /**
     * Takes the lock; empty when another instance holds it (that instance has been asked to come
     * to the front). {@code onActivate} runs when a later start asks this one to show itself.
     */
    public static Optional<SingleInstance> acquire(Path home, Runnable onActivate) throws IOException {
        Files.createDirectories(home);
        Path lockFile = home.resolve("app.lock");
        Path portFile = home.resolve("app.port");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            activate(portFile);
            return Optional.empty();
        }
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Files.writeString(portFile, server.getLocalPort() + " " + token, StandardCharsets.UTF_8);
        SingleInstance instance = new SingleInstance(channel, lock, server, portFile);
        Thread listener = new Thread(() -> instance.listen(token, onActivate), "alpha01-single-instance");
        listener.setDaemon(true);
        listener.start();
        return Optional.of(instance);
    }

    private void listen(String token, Runnable onActivate) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                String got = new String(s.getInputStream().readNBytes(token.length()), StandardCharsets.US_ASCII);
                if (token.equals(got)) {
                    LOG.info("Another start of the app asked this one to come to the front");
                    onActivate.run();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debugf("Activation request failed: %s", e.getMessage());
                }
            }
        }
    }

    private static void activate(Path portFile) {
        try {
            String[] parts = Files.readString(portFile, StandardCharsets.UTF_8).strip().split(" ");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0])), 2000);
                s.getOutputStream().write(parts[1].getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Could not reach the running instance: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(portFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.debugf("Releasing the instance lock: %s", e.getMessage());
        }
    }
}
