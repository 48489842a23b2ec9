package com.alpha01.bench.startup;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One page as the browser's Navigation and Resource Timing saw it: times in milliseconds from the
 * navigation's start (for a page reached through redirects: from the first request of the chain), bytes
 * per resource. {@code transfer} counts what came over the network (headers included; 0 from the
 * cache, a few hundred bytes for a 304), {@code encoded} the body as sent, {@code decoded} the body unpacked.
 *
 * @param socketOpen when the page's WebSocket opened, or {@code -1} if it opened none
 * @param cacheControl each sub-resource's {@code Cache-Control} answer by path (what makes a repeat visit cheap or not)
 */
record PageLoad(String page, double responseEnd, double domContentLoaded, double load, Resource document,
        List<Resource> resources, double socketOpen, Map<String, String> cacheControl) {

    record Resource(String path, String type, long transfer, long encoded, long decoded) {
    }

    /** Reads the page's timing; run in the page, it returns the map {@link #from} takes. */
    static final String SCRIPT = """
            const n = performance.getEntriesByType('navigation')[0];
            const size = e => ({ path: e.name, type: e.initiatorType, transfer: e.transferSize,
                encoded: e.encodedBodySize, decoded: e.decodedBodySize });
            return { page: location.href, responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd,
                load: n.loadEventEnd, document: size(n), resources: performance.getEntriesByType('resource').map(size),
                socketOpen: window.__alpha01Bench ? window.__alpha01Bench.socketOpen : -1 };
            """;

    /**
     * Asks again for each sub-resource the page loaded (fetches, e.g. the session, aside; past the cache, after the
     * timing was read) and answers its {@code Cache-Control} header by address; run with executeAsyncScript.
     */
    static final String CACHE_CONTROL_SCRIPT = """
            const done = arguments[arguments.length - 1];
            const urls = performance.getEntriesByType('resource')
                .filter(e => e.initiatorType !== 'fetch' && e.initiatorType !== 'xmlhttprequest').map(e => e.name);
            Promise.all(urls.map(u => fetch(u, { cache: 'no-store', credentials: 'same-origin' })
                .then(r => [u, r.headers.get('cache-control') || '(none)'], () => [u, '?'])))
                .then(pairs => done(Object.fromEntries(pairs)));
            """;

    /**
     * From the maps the browser returned for {@link #SCRIPT} and {@link #CACHE_CONTROL_SCRIPT}; addresses keep only
     * their path (no tokens in reports).
     */
    @SuppressWarnings("unchecked")
    static PageLoad from(Map<String, Object> m, Map<String, Object> cacheControl) {
        List<Resource> resources = ((List<Map<String, Object>>) m.get("resources")).stream().map(PageLoad::resource).toList();
        Map<String, String> headers = new TreeMap<>();
        cacheControl.forEach((url, value) -> headers.put(path(url), String.valueOf(value)));
        return new PageLoad(path(m.get("page")), num(m.get("responseEnd")), num(m.get("domContentLoaded")),
                num(m.get("load")), resource((Map<String, Object>) m.get("document")), resources, num(m.get("socketOpen")),
                Map.copyOf(headers));
    }

    long transfer() {
        return document.transfer() + resources.stream().mapToLong(Resource::transfer).sum();
    }

    long encoded() {
        return document.encoded() + resources.stream().mapToLong(Resource::encoded).sum();
    }

    long decoded() {
        return document.decoded() + resources.stream().mapToLong(Resource::decoded).sum();
    }

    private static Resource resource(Map<String, Object> m) {
        return new Resource(path(m.get("path")), String.valueOf(m.get("type")), (long) num(m.get("transfer")),
                (long) num(m.get("encoded")), (long) num(m.get("decoded")));
    }

    private static String path(Object url) {
        URI u = URI.create(String.valueOf(url));
        return u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : -1;
    }
}
