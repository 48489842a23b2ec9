package com.alpha01.client.kb;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.store.EncryptedStore;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The customer questions the assistant handed to staff, so that the shop can teach it: kept in the
 * encrypted store (record {@value #RECORD}), the last {@value #KEEP} of the last 30 days. Staff's
 * first reply in the conversation is kept with the question; a question added to the knowledge
 * base is resolved, one staff dismiss is dismissed, and neither is listed again. Thread-safe.
 */
public final class UnansweredQuestions {

    private static final Logger LOG = Logger.getLogger(UnansweredQuestions.class);
    public static final String RECORD = "kb.unanswered";
    static final int KEEP = 500;
    static final Duration KEEP_FOR = Duration.ofDays(30);
    static final Duration WEEK = Duration.ofDays(7);
    private static final int MAX_CHARS = 500;

    /** One question the assistant did not answer; {@code staffAnswer} is empty until staff replied. */
    public record Question(String id, String conversationId, long seq, String text, Instant at, String staffAnswer,
            boolean resolved, boolean dismissed) {

        boolean open() {
            return !resolved && !dismissed;
        }
    }

    /** A line of the week's list: the same question asked again counts once, with its newest time. */
    public record Repeated(Question newest, int count) {
    }

    private final EncryptedStore store;
    private final Clock clock;
    private final List<Question> questions = new ArrayList<>();

    private UnansweredQuestions(EncryptedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The questions kept in {@code store} (none when the record is missing or unreadable). */
    public static UnansweredQuestions open(EncryptedStore store) {
        return open(store, Clock.systemUTC());
    }

    static UnansweredQuestions open(EncryptedStore store, Clock clock) {
        UnansweredQuestions q = new UnansweredQuestions(store, clock);
        q.load();
        return q;
    }

    /** Keeps a question the assistant handed over; blank text is ignored. */
    public synchronized Question record(String conversationId, long seq, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Question q = new Question(UUID.randomUUID().toString().substring(0, 13), conversationId == null ? ""
                : conversationId, seq, t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t, clock.instant(), "",
                false, false);
        questions.add(q);
        prune();
        save();
        LOG.debugf("Unanswered question kept for conversation %s #%d", q.conversationId(), seq);
        return q;
    }

    /** Staff replied in {@code conversationId}: the reply goes with its open questions that had none yet. */
    public synchronized void answered(String conversationId, String staffText) {
        if (staffText == null || staffText.isBlank()) {
            return;
        }
        if (replace(q -> q.open() && q.conversationId().equals(conversationId) && q.staffAnswer().isEmpty(),
                q -> new Question(q.id(), q.conversationId(), q.seq(), q.text(), q.at(), staffText.strip(), false,
                        false)) > 0) {
            save();
        }
    }

    /** The open questions of one conversation, oldest first (会话 offers to add them with staff's answer). */
    public synchronized List<Question> openIn(String conversationId) {
        return questions.stream().filter(q -> q.open() && q.conversationId().equals(conversationId)).toList();
    }

    /** The open questions of the last 7 days, one line per question however often it was asked, newest first. */
    public synchronized List<Repeated> thisWeek() {
        Instant since = clock.instant().minus(WEEK);
        Map<String, List<Question>> same = new LinkedHashMap<>();
        questions.stream().filter(q -> q.open() && q.at().isAfter(since))
                .forEach(q -> same.computeIfAbsent(key(q.text()), k -> new ArrayList<>()).add(q));
        return same.values().stream().map(list -> new Repeated(withAnswer(list), list.size()))
                .sorted(Comparator.comparing((Repeated r) -> r.newest().at()).reversed()).toList();
    }

    /**
     * The question was added to the knowledge base: the one with {@code id} (may be null) and every open
     * one asked the same way are resolved. Returns how many.
     */
    public synchronized int resolve(String id, String questionText) {
        String byText = questionText == null ? null : key(questionText);
        String byId = keyOf(id);
        int n = replace(q -> q.open() && (q.id().equals(id) || key(q.text()).equals(byText)
                || key(q.text()).equals(byId)), q -> new Question(q.id(), q.conversationId(), q.seq(), q.text(), q.at(),
                        q.staffAnswer(), true, false));
        if (n > 0) {
            save();
        }
        return n;
    }

    /** Staff do not want to answer it: the question (every open one asked the same way) leaves the list. */
    public synchronized boolean dismiss(String id) {
        String same = keyOf(id);
        if (same == null) {
            return false;
        }
        replace(q -> q.open() && key(q.text()).equals(same), q -> new Question(q.id(), q.conversationId(), q.seq(),
                q.text(), q.at(), q.staffAnswer(), false, true));
        save();
        return true;
    }

    /** All kept questions, oldest first (tests, diagnostics). */
    synchronized List<Question> all() {
        return List.copyOf(questions);
    }

    /** The same question however it is punctuated, spaced or capitalised. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]", "");
    }

    private String keyOf(String id) {
        return questions.stream().filter(q -> q.open() && q.id().equals(id)).findFirst().map(q -> key(q.text()))
                .orElse(null);
    }

    /** The newest of the same question, with staff's newest answer to any of them. */
    private static Question withAnswer(List<Question> same) {
        Question newest = same.get(same.size() - 1);
        if (!newest.staffAnswer().isEmpty()) {
            return newest;
        }
        String answer = same.stream().map(Question::staffAnswer).filter(a -> !a.isEmpty()).reduce((a, b) -> b)
                .orElse("");
        return new Question(newest.id(), newest.conversationId(), newest.seq(), newest.text(), newest.at(), answer,
                false, false);
    }

    private int replace(Predicate<Question> which, UnaryOperator<Question> change) {
        int n = 0;
        for (int i = 0; i < questions.size(); i++) {
            if (which.test(questions.get(i))) {
                questions.set(i, change.apply(questions.get(i)));
                n++;
            }
        }
        return n;
    }

    /** Keeps the last {@value #KEEP} of the last 30 days. */
    private void prune() {
        Instant oldest = clock.instant().minus(KEEP_FOR);
        questions.removeIf(q -> q.at().isBefore(oldest));
        questions.sort(Comparator.comparing(Question::at));
        while (questions.size() > KEEP) {
            questions.remove(0);
        }
    }

    private void load() {
        try {
            store.getString(RECORD).ifPresent(s -> {
                for (JsonValue v : JSON.createReader(new StringReader(s)).readArray()) {
                    JsonObject o = v.asJsonObject();
                    questions.add(new Question(o.getString("id"), o.getString("conversationId", ""),
                            o.getJsonNumber("seq").longValue(), o.getString("text"), Instant.parse(o.getString("at")),
                            o.getString("staffAnswer", ""), o.getBoolean("resolved", false),
                            o.getBoolean("dismissed", false)));
                }
            });
            prune();
        } catch (IOException | RuntimeException e) {
            questions.clear();
            LOG.warnf("The unanswered questions could not be read (%s); starting without them",
                    e.getClass().getSimpleName());
        }
    }

    private void save() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        questions.forEach(q -> list.add(JSON.createObjectBuilder().add("id", q.id())
                .add("conversationId", q.conversationId()).add("seq", q.seq()).add("text", q.text())
                .add("at", q.at().toString()).add("staffAnswer", q.staffAnswer()).add("resolved", q.resolved())
                .add("dismissed", q.dismissed())));
        try {
            store.putString(RECORD, list.build().toString());
        } catch (IOException e) {
            LOG.warnf("Unanswered questions not saved: %s", e.getMessage());
        }
    }
}
