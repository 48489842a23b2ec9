package com.alpha01.client.ai;

import com.alpha01.client.kb.KnowledgeSearch;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * What the app calls for each customer message. A customer asking for a person is handed to staff at once;
 * without a usable API key, with the day's token budget spent, or when the model fails (after its retries) or
 * does not answer in time, the answer is degraded: quoted from a confident knowledge-base match, else the
 * customer is told a person will reply and staff are notified. Otherwise the model answers, streamed. Questions
 * of one conversation are answered in order. Never throws to the caller, never answers with empty text.
 */
public final class AnswerService implements AutoCloseable {

    static final String HANDOFF_TEXT = "好的，已为您转接店员，请稍候，店员会尽快回复您。";
    static final String UNSURE_TEXT = "这个问题我需要请店员为您确认，店员会尽快回复您。";
    private static final Logger LOG = Logger.getLogger(AnswerService.class);

    /** What one model turn needs of this service. */
    record Parts(ShopAssistant assistant, ShopProfile profile, HandOffRequests handOffs, ConversationLog log) {
    }

    private final AssistantSettings settings;
    private final TokenBudget budget;
    private final OfflineAnswers offline;
    private final ConversationLog log;
    private final Parts parts;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpha01-assistant");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Answer>> lanes = new HashMap<>();
    private volatile Runnable onModelError = () -> { };

    public AnswerService(AssistantSettings settings, ShopProfile profile, KnowledgeSearch knowledge, OrderBook orders,
                         FollowUps followUps, TokenBudget budget) {
        this.settings = settings;
        this.budget = budget;
        this.offline = new OfflineAnswers(knowledge);
        this.log = new ConversationLog(settings.maxConversations());
        HandOffRequests handOffs = new HandOffRequests();
        ShopAssistant assistant = null;
        if (settings.hasUsableKey()) {
            ShopTools tools = new ShopTools(profile, orders, followUps, handOffs);
            assistant = AssistantFactory.create(settings, knowledge, tools,
                    new ConversationMemories(settings.maxConversations(), settings.memoryMessages()), List.of(budget),
                    scheduler);
        } else {
            LOG.infof("No usable ZhipuAI API key (%s): the assistant answers from the knowledge base only",
                    settings.apiKey() == null ? "none set" : "not of the form id.secret");
        }
        this.parts = new Parts(assistant, profile, handOffs, log);
    }

    /** An assistant without order data or follow-up listeners (tests, first start). */
    public static AnswerService basic(AssistantSettings settings, ShopProfile profile, KnowledgeSearch knowledge,
                                      TokenBudget budget) {
        return new AnswerService(settings, profile, knowledge, new OrderBook(null), new FollowUps(Clock.systemUTC()),
                budget);
    }

    /**
     * Answers {@code question} through {@code sink} (partials, then one complete) and the returned future (the same
     * answer). Returns at once; the work happens on the assistant's threads.
     */
    public CompletableFuture<Answer> answer(Question question, AnswerSink sink) {
        Delivery delivery = new Delivery(sink);
        CompletableFuture<Answer> before;
        synchronized (lanes) {
            before = lanes.getOrDefault(question.conversationId(), CompletableFuture.completedFuture(null));
            lanes.put(question.conversationId(), delivery.future());
        }
        delivery.future().whenComplete((answer, error) -> {
            synchronized (lanes) {
                lanes.remove(question.conversationId(), delivery.future());
            }
        });
        before.handle((previous, error) -> {
            start(question, delivery);
            return null;
        });
        return delivery.future();
    }

    /** Called each time the model fails to give an answer (an error or a timeout; the customer gets a fallback). */
    public void onModelError(Runnable listener) {
        this.onModelError = listener;
    }

    private void start(Question question, Delivery delivery) {
        try {
            LOG.debugf("Conversation %s #%d asks: %s", question.conversationId(), question.seq(), question.text());
            log.add(question.conversationId(), question.text());
            if (CustomerIntent.asksForPerson(question.text())) {
                LOG.infof("Conversation %s #%d: the customer asks for a person", question.conversationId(),
                        question.seq());
                delivery.complete(new Answer(HANDOFF_TEXT, Answer.Kind.HANDOFF, null,
                        log.staffNote(question, StaffNote.Reason.ASKED_FOR_STAFF)));
            } else if (parts.assistant() == null) {
                degrade(question, delivery, "no API key");
            } else if (budget.exhausted()) {
                degrade(question, delivery, "daily token budget spent");
            } else {
                new ModelTurn(question, delivery, parts, why -> degrade(question, delivery, why), () -> onModelError.run())
                        .start(scheduler, settings.answerTimeout());
            }
        } catch (RuntimeException e) {
            onModelError.run();
            degrade(question, delivery, "assistant error: " + ModelErrors.describe(e));
        }
    }

    private void degrade(Question question, Delivery delivery, String why) {
        if (delivery.isDone()) {
            return;
        }
        Answer answer;
        try {
            answer = CustomerIntent.isGreeting(question.text()) ? greeting() : offline.extractive(question.text())
                    .map(quote -> CustomerIntent.promisesPerson(quote.text()) ? handOff(question, quote) : quote)
                    .orElseGet(() -> fallback(question));
        } catch (RuntimeException e) {
            answer = fallback(question);
        }
        if (delivery.complete(answer)) {
            LOG.infof("Conversation %s #%d answered without the model (%s): %s", question.conversationId(),
                    question.seq(), why, answer.kind());
        }
    }

    /** A hello gets a hello in the shop's name, not a quote from the knowledge base. */
    private Answer greeting() {
        return new Answer("您好！欢迎光临" + parts.profile().name() + "，请问有什么可以帮您？", Answer.Kind.GREETING, null, null);
    }

    /** The knowledge base's best answer is a hand-off line: the hand-off happens, rather than being quoted. */
    private Answer handOff(Question question, Answer quote) {
        return new Answer(HANDOFF_TEXT, Answer.Kind.HANDOFF, quote.source(),
                log.staffNote(question, StaffNote.Reason.KNOWLEDGE_SAYS_STAFF));
    }

    private Answer fallback(Question question) {
        return new Answer(OfflineAnswers.FALLBACK_TEXT, Answer.Kind.FALLBACK, null,
                log.staffNote(question, StaffNote.Reason.NO_ANSWER));
    }

    /** Today's token usage against the budget (for the UI). */
    public DailyUsage usage() {
        return budget.today();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
