package com.alpha01.client.answering;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.ai.AnswerService;
import com.alpha01.client.ai.AssistantSettings;
import com.alpha01.client.ai.DailyUsage;
import com.alpha01.client.ai.FollowUps;
import com.alpha01.client.ai.OrderBook;
import com.alpha01.client.ai.ShopProfile;
import com.alpha01.client.ai.TokenBudget;
import com.alpha01.client.ai.UsageStore;
import com.alpha01.client.kb.KnowledgeBase;
import com.alpha01.client.kb.KnowledgeSearch;
import com.alpha01.client.kb.UnansweredQuestions;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.store.EncryptedStore;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The app's local AI in one place: the knowledge base (opened in the background: the embedding
 * model takes a moment to load), the assistant built from the settings (rebuilt when they change),
 * its daily token budget kept in the encrypted store, the order list and follow-ups its tools use.
 */
public final class LocalAi implements AutoCloseable {

    private final java.util.concurrent.atomic.LongAdder modelErrors = new java.util.concurrent.atomic.LongAdder();

    private static final Logger LOG = Logger.getLogger(LocalAi.class);
    private static final String USAGE_RECORD = "ai.usage";
    static final String FOLLOW_UPS_RECORD = "ai.followups";

    private final EncryptedStore store;
    private final AppSettings settings;
    private final Supplier<String> shopName;
    private final Supplier<String> hours;
    private final CompletableFuture<KnowledgeBase> knowledge;
    /** The knowledge base held the shop's own content when the app started (read before it loads). */
    private final boolean shopKnowledge;
    private final TokenBudget budget;
    private final FollowUps followUps = new FollowUps(Clock.systemDefaultZone());
    private final UnansweredQuestions unanswered;
    private volatile AnswerService assistant;

    public LocalAi(EncryptedStore store, AppSettings settings, Supplier<String> shopName, Supplier<String> hours) {
        this.store = store;
        this.settings = settings;
        this.shopName = shopName;
        this.hours = hours;
        this.budget = new TokenBudget(settings.dailyTokenBudget(), usageStore(store), Clock.systemDefaultZone());
        this.unanswered = UnansweredQuestions.open(store);
        this.shopKnowledge = KnowledgeBase.holdsShopContent(store);
        followUps.restore(loadFollowUps());
        followUps.onCreated(task -> saveFollowUps());
        this.knowledge = CompletableFuture.supplyAsync(() -> {
            try {
                return KnowledgeBase.open(store);
            } catch (IOException e) {
                throw new IllegalStateException("the knowledge base could not be opened: " + e.getMessage(), e);
            }
        });
        knowledge.whenComplete((kb, e) -> {
            if (e != null) {
                LOG.errorf("Knowledge base not available: %s", e.getMessage());
            } else {
                LOG.infof("Knowledge base ready: %d entries", kb.size());
                rebuild();
            }
        });
    }

    /**
     * Whether the shop has knowledge of its own: then, while the knowledge base loads, the demo FAQ must
     * not answer for it (its hours and Wi-Fi are a sample shop's).
     */
    public boolean shopKnowledge() {
        return shopKnowledge || knowledge().map(KnowledgeBase::holdsShopContent).orElse(false);
    }

    /** The knowledge base, once open (empty while the model loads or when it failed). */
    public Optional<KnowledgeBase> knowledge() {
        return Optional.ofNullable(knowledge.getNow(null));
    }

    /** Waits for the knowledge base (imports from the UI start here). */
    public KnowledgeBase awaitKnowledge() {
        return knowledge.join();
    }

    /** The questions the assistant handed to staff (会话 and 知识库 offer to add them to the knowledge base). */
    public UnansweredQuestions unanswered() {
        return unanswered;
    }

    /** The assistant, once the knowledge base is open. */
    public Optional<AnswerService> assistant() {
        return Optional.ofNullable(assistant);
    }

    /** Model calls that gave no usable answer since the app started (all assistants it built). */
    public long modelErrors() {
        return modelErrors.sum();
    }

    public DailyUsage usage() {
        return budget.today();
    }

    long dailyLimit() {
        return settings.dailyTokenBudget();
    }

    /** A new assistant from the current settings (key, model, URL, shop profile, daily budget); memory starts afresh. */
    public synchronized void rebuild() {
        budget.limit(settings.dailyTokenBudget());
        KnowledgeSearch kb = knowledge.getNow(null);
        if (kb == null) {
            return;
        }
        AssistantSettings model = AssistantSettings.defaults().withApiKey(settings.zhipuKey().orElse(null))
                .withEndpoint(settings.zhipuBaseUrl(), settings.zhipuModel());
        ShopProfile profile = new ShopProfile(shopName.get(), settings.shopTone(), settings.shopFacts(), hours.get());
        OrderBook orders = new OrderBook(settings.ordersCsv().map(Path::of).orElse(null));
        AnswerService previous = assistant;
        assistant = new AnswerService(model, profile, kb, orders, followUps, budget);
        assistant.onModelError(modelErrors::increment);
        if (previous != null) {
            previous.close();
        }
        LOG.infof("Assistant ready (%s, model %s)", model.hasUsableKey() ? "ZhipuAI" : "knowledge base only",
                model.model());
    }

    private static UsageStore usageStore(EncryptedStore store) {
        return new UsageStore() {
            @Override
            public Optional<Saved> load() {
                try {
                    return store.getString(USAGE_RECORD).map(s -> JSON.createReader(new StringReader(s)).readObject())
                            .map(o -> new Saved(LocalDate.parse(o.getString("day")), o.getJsonNumber("tokens").longValue()));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void save(Saved usage) {
                JsonObject o = JSON.createObjectBuilder().add("day", usage.day().toString()).add("tokens", usage.tokens())
                        .build();
                try {
                    store.putString(USAGE_RECORD, o.toString());
                } catch (IOException e) {
                    LOG.warnf("Token usage not saved: %s", e.getMessage());
                }
            }
        };
    }

    /** The follow-up tasks the assistant created and staff have not done yet, oldest first. */
    public List<FollowUps.FollowUp> followUps() {
        return followUps.open();
    }

    /** Tells the listener of each new task (the UI shows a notice). */
    public void onFollowUp(Consumer<FollowUps.FollowUp> listener) {
        followUps.onCreated(listener);
    }

    public boolean followUpDone(String id) {
        boolean removed = followUps.done(id);
        if (removed) {
            saveFollowUps();
        }
        return removed;
    }

    private List<FollowUps.FollowUp> loadFollowUps() {
        try {
            return store.getString(FOLLOW_UPS_RECORD).map(s -> JSON.createReader(new StringReader(s)).readArray()
                    .stream().map(v -> v.asJsonObject()).map(o -> new FollowUps.FollowUp(o.getString("id"),
                            o.getString("conversationId", ""), o.getString("summary"),
                            Instant.parse(o.getString("createdAt")))).toList()).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The follow-up tasks could not be read: %s", e.getMessage());
            return List.of();
        }
    }

    private synchronized void saveFollowUps() {
        var list = JSON.createArrayBuilder();
        followUps.open().forEach(t -> list.add(JSON.createObjectBuilder().add("id", t.id())
                .add("conversationId", t.conversationId() == null ? "" : t.conversationId()).add("summary", t.summary())
                .add("createdAt", t.createdAt().toString())));
        try {
            store.putString(FOLLOW_UPS_RECORD, list.build().toString());
        } catch (IOException e) {
            LOG.warnf("Follow-up tasks not saved: %s", e.getMessage());
        }
    }

    /** For tests: the task list itself. */
    FollowUps followUpTasks() {
        return followUps;
    }

    @Override
    public void close() {
        AnswerService a = assistant;
        if (a != null) {
            a.close();
        }
    }
}
