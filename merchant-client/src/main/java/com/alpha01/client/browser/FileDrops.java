package com.alpha01.client.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.callback.CefDragData;
import org.cef.handler.CefDragHandler;
import org.cef.handler.CefRequestHandlerAdapter;
import org.cef.network.CefRequest;

/**
 * Files dragged onto the window. The page's {@code drop} event gets {@code File} objects without
 * their paths, so the paths are taken here when the drag enters (CEF hands them over) and the page
 * asks for them by name when the files are dropped on the 知识库 screen.
 *
 * <p>Dropped anywhere else, Chromium would open the file in place of the app; the page cancels such
 * drops, and {@link #navigationGuard()} refuses any {@code file:} navigation as well.
 */
public final class FileDrops implements CefDragHandler {

    private volatile List<Path> dragged = List.of();

    @Override
    public boolean onDragEnter(CefBrowser browser, CefDragData data, int mask) {
        if (data.isFile()) {
            Vector<String> paths = new Vector<>();
            if (data.getFilePaths(paths) || !paths.isEmpty()) {
                offer(paths);
            }
        }
        return false;
    }

    /** Remembers the files and folders of the current drag (what {@link #onDragEnter} does with CEF's list). */
    public void offer(List<String> paths) {
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p).toAbsolutePath().normalize();
            if (Files.isRegularFile(path) || Files.isDirectory(path)) {
                files.add(path);
            }
        }
        dragged = List.copyOf(files);
    }

    /**
     * The files and folders of the last drag whose names the page reported as dropped; a name the
     * drag did not bring (stale, or a file without a path) is left out.
     */
    public List<Path> dropped(List<String> names) {
        List<Path> found = new ArrayList<>();
        for (Path p : dragged) {
            if (names.contains(p.getFileName().toString()) && !found.contains(p)) {
                found.add(p);
            }
        }
        dragged = List.of();
        return found;
    }

    /** Refuses navigation to {@code file:} addresses (a dropped file the page failed to cancel). */
    static CefRequestHandlerAdapter navigationGuard() {
        return new CefRequestHandlerAdapter() {
            @Override
            public boolean onBeforeBrowse(CefBrowser browser, CefFrame frame, CefRequest request, boolean userGesture,
                                          boolean isRedirect) {
                return request.getURL() != null && request.getURL().regionMatches(true, 0, "file:", 0, 5);
            }
        };
    }
}
