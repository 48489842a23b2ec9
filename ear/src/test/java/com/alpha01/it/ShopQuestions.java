package com.alpha01.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * What customers of the end-to-end benchmark ask: the paraphrased questions of a shop's FAQ sheet
 * from the merchant client's retrieval tests (written for it, not tuned to this benchmark), sorted by
 * what the app's own knowledge-base search makes of them: answered offline (a confident match among
 * the three best, as the offline answer takes it, that does not hand over to staff), or not (the
 * sheet has no answer: only the model phase asks those). Questions asking for a person are left out:
 * they hand the conversation to staff and the bot falls silent there.
 */
final class ShopQuestions {

    static final String FAQ = "kb/shops/coffee/faq.csv";
    static final String QUESTIONS = "kb/shops/coffee/questions.tsv";
    /** Words that ask for, or promise, a person (conservative: a few answerable questions go too). */
    private static final Pattern PERSON = Pattern.compile("人工|真人|店员|转接|客服|老板|工作人员|通知");

    private final List<String> offline;
    private final List<String> any;
    private final int unanswerable;
    private final int entries;

    private ShopQuestions(List<String> offline, List<String> any, int unanswerable, int entries) {
        this.offline = offline;
        this.any = any;
        this.unanswerable = unanswerable;
        this.entries = entries;
    }

    /** Reads {@code tsv} ({@code row<TAB>question}, row 0 = no answer) and asks the app's search about each. */
    static ShopQuestions sorted(byte[] tsv, AppRequests app) {
        List<String> offline = new ArrayList<>();
        List<String> any = new ArrayList<>();
        int unanswerable = 0;
        for (String line : new String(tsv, StandardCharsets.UTF_8).split("\n")) {
            String[] cells = line.strip().split("\t");
            if (line.startsWith("#") || cells.length != 2 || PERSON.matcher(cells[1]).find()) {
                continue;
            }
            String question = cells[1].strip();
            if ("0".equals(cells[0])) {
                unanswerable++;
                any.add(question);
            } else if (answeredOffline(app, question)) {
                offline.add(question);
                any.add(question);
            }
        }
        if (offline.isEmpty()) {
            throw new IllegalStateException("the knowledge base answers none of the questions offline");
        }
        int entries = app.ok("knowledge.list", Json.createObjectBuilder()).getJsonArray("documents").stream()
                .mapToInt(d -> d.asJsonObject().getInt("entries", 0)).sum();
        return new ShopQuestions(offline, any, unanswerable, entries);
    }

    private static boolean answeredOffline(AppRequests app, String question) {
        List<JsonObject> hits = app.ok("knowledge.search", Json.createObjectBuilder().add("q", question))
                .getJsonArray("hits").stream().map(JsonValue::asJsonObject).limit(3).toList();
        return hits.stream().filter(h -> h.getBoolean("confident")).findFirst()
                .map(h -> !PERSON.matcher(h.getString("passage")).find()).orElse(false);
    }

    /** Customer {@code i}'s k-th question among those answered offline (customers start at different places). */
    IntFunction<String> offline(int i) {
        return k -> offline.get(Math.floorMod(i * 7 + k, offline.size()));
    }

    /** The same among every question, those without an answer included. */
    IntFunction<String> any(int i) {
        return k -> any.get(Math.floorMod(i * 7 + k, any.size()));
    }

    int offlineCount() {
        return offline.size();
    }

    int unanswerableCount() {
        return unanswerable;
    }

    int entries() {
        return entries;
    }
}
