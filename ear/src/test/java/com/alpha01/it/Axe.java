package com.alpha01.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in the page under test (D57): the script is injected as it is, run on the whole document with the
 * WCAG 2.0/2.1 A and AA rules, and every violation is returned as "rule: the elements it found".
 */
final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    /** The page's WCAG 2.1 AA violations (empty: none). */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(SCRIPT);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The visible text of the page outside the shops' own data ([data-user]) and outside other-language labels, with Han characters. */
    @SuppressWarnings("unchecked")
    static List<String> hanOutsideUserData(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "const out = [];"
                + "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "while (walker.nextNode()) {"
                + "  const p = walker.currentNode.parentElement;"
                + "  if (!p || p.closest('[data-user], [hidden], script, style, [lang^=\"zh\"]:not(html)')) continue;"
                + "  if (p.getClientRects().length === 0) continue;"
                + "  const text = walker.currentNode.textContent.trim();"
                + "  if (/[\\u3400-\\u9fff]/.test(text)) out.push(text);"
                + "}"
                + "for (const e of document.querySelectorAll('[aria-label], [title], [placeholder]')) {"
                + "  if (e.closest('[data-user], [hidden]')) continue;"
                + "  for (const a of ['aria-label', 'title', 'placeholder']) {"
                + "    const v = e.getAttribute(a); if (v && /[\\u3400-\\u9fff]/.test(v)) out.push(a + '=' + v);"
                + "  }"
                + "}"
                + "return out;");
    }
}
