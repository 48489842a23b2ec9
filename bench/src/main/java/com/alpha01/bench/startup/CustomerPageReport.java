package com.alpha01.bench.startup;

import com.alpha01.bench.startup.CustomerVisit.Visit;
import com.alpha01.bench.startup.PageLoad.Resource;
import java.util.stream.Stream;

/** The customer page's part of docs/bench/startup.md: time and bytes of a first and a repeat visit. */
final class CustomerPageReport {

    private CustomerPageReport() {
    }

    static String render(Visit first, Visit repeat) {
        StringBuilder md = new StringBuilder("\n## Customer page first load\n\n");
        md.append("""
                Debian's headless Chromium (as the ITs drive it), on the stack of the last warm start just after it
                was working: the counter code's URL → 303 to the chat page → the OIDC redirect to Keycloak's sign-in
                page; sign in as `demo-customer` → back through the OIDC callback to the chat page, whose script opens
                the session and the socket. **First visit**: empty cache and profile. **Repeat visit**: the same
                browser, cookies removed (signed out) and the cache kept, the same way in. Times in ms from the
                navigation's start (Navigation Timing; sign-in page: from the scan, redirects included; chat page:
                from the sign-in form's submission, redirects included); the socket's open from a mark put into the
                page before its scripts. Bytes from Resource Timing: *transfer* is what crossed the network (headers
                included, 0 from the cache), *body* the encoded body, *unpacked* the decoded body.

                | visit | page | response end | DOMContentLoaded | load | socket open | resources | transfer | body | unpacked |
                |---|---|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        row(md, "first", "Keycloak sign-in", first.signIn());
        row(md, "first", "chat", first.chat());
        row(md, "repeat", "Keycloak sign-in", repeat.signIn());
        row(md, "repeat", "chat", repeat.chat());
        md.append(String.format("%nTotal bytes transferred: first visit %s (sign-in page %s, chat page %s), repeat visit %s.%n",
                kib(first.signIn().transfer() + first.chat().transfer()), kib(first.signIn().transfer()),
                kib(first.chat().transfer()), kib(repeat.signIn().transfer() + repeat.chat().transfer())));
        md.append(String.format("Compressed bodies (sent smaller than unpacked): %d of %d on the first visit; served from "
                + "the browser's cache on the repeat visit (nothing transferred): %d of %d.%n", compressed(first),
                count(first), cached(repeat), count(repeat)));
        md.append("\nFirst visit, each resource (bytes; the repeat visit's transfer, and the `Cache-Control` each "
                + "sub-resource is served with, asked again after the visit, beside it):\n\n");
        md.append("| page | resource | type | transfer | body | unpacked | repeat transfer | Cache-Control |\n"
                + "|---|---|---|---:|---:|---:|---:|---|\n");
        resources(md, "sign-in", first.signIn(), repeat.signIn());
        resources(md, "chat", first.chat(), repeat.chat());
        return md.toString();
    }

    private static Stream<Resource> all(Visit v) {
        return Stream.of(v.signIn(), v.chat())
                .flatMap(p -> Stream.concat(Stream.of(p.document()), p.resources().stream()));
    }

    private static long count(Visit v) {
        return all(v).count();
    }

    private static long compressed(Visit v) {
        return all(v).filter(r -> r.encoded() > 0 && r.encoded() < r.decoded()).count();
    }

    private static long cached(Visit v) {
        return all(v).filter(r -> r.transfer() == 0).count();
    }

    private static void row(StringBuilder md, String visit, String page, PageLoad p) {
        md.append(String.format("| %s | %s | %.0f | %.0f | %.0f | %s | %d | %s | %s | %s |%n", visit, page, p.responseEnd(),
                p.domContentLoaded(), p.load(), p.socketOpen() < 0 ? "–" : String.format("%.0f", p.socketOpen()),
                p.resources().size() + 1, kib(p.transfer()), kib(p.encoded()), kib(p.decoded())));
    }

    private static void resources(StringBuilder md, String page, PageLoad first, PageLoad repeat) {
        line(md, page, first.document(), repeat.document(), "");
        for (Resource r : first.resources()) {
            Resource again = repeat.resources().stream().filter(x -> x.path().equals(r.path())).findFirst().orElse(null);
            line(md, page, r, again, first.cacheControl().getOrDefault(r.path(), ""));
        }
    }

    private static void line(StringBuilder md, String page, Resource r, Resource again, String cacheControl) {
        md.append(String.format("| %s | `%s` | %s | %d | %d | %d | %s | %s |%n", page, r.path(), r.type(), r.transfer(),
                r.encoded(), r.decoded(), again == null ? "–" : Long.toString(again.transfer()),
                cacheControl.isEmpty() ? "" : "`" + cacheControl + "`"));
    }

    static String kib(long bytes) {
        return String.format("%.1f KiB", bytes / 1024.0);
    }
}
