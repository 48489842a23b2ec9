package com.alpha01.client.automation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the shop's rules. The app calls {@link #onCustomerMessage} for each new customer message
 * (before the assistant answers: a rule that replied or handed off makes the assistant stay
 * silent), {@link #onAnswer} when the shop answered, and {@link #tick} every few seconds for idle
 * follow-ups, schedules and retries. Each execution is logged; a failed one is retried three times
 * with growing pauses, then logged as failed and reported to staff.
 */
public final class Automation {

    /** Finished runs since the app started (a retried one counts once, when it ends), and those that failed for good. */
    private final RunCounts counts = new RunCounts();

    /** What the rules have done since the app started, for the server's monitoring. */
    public RunCounts counts() {
        return counts;
    }

    private static final Logger LOG = Logger.getLogger(Automation.class);
    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final int KEEP_LOG = 500;
    private static final int KEEP_CONVERSATIONS = 2000;

    /** What rules can do; implemented by the app over the link, the UI and the statistics. */
    public interface Actions {
        void reply(String conversationId, String text) throws Exception;

        void notifyStaff(StaffMessage message) throws Exception;

        void handOff(String conversationId, String reason) throws Exception;

        /** Today's summary for staff, e.g. conversations and the AI answer rate. */
        StaffMessage dailySummary() throws Exception;
    }

    /** How alike in meaning a customer message and an example phrase are (cosine, about 0-1). */
    @FunctionalInterface
    public interface Intents {
        double similarity(String message, String example);
    }

    /**
     * An INTENT rule fires at this similarity or above. Measured with bge-small-zh (AutomationIntentTest):
     * paraphrases of three example phrases scored 0.64-0.80, other questions of the same shop at most 0.58.
     * The margin is thin: give a rule several example phrases.
     */
    public static final double INTENT_THRESHOLD = 0.62;

    /** What the rules did with a customer message. */
    public record Outcome(boolean replied, boolean handedOff) {
        static final Outcome NOTHING = new Outcome(false, false);

        /** The assistant should not answer this message itself. */
        public boolean handled() {
            return replied || handedOff;
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private record Pending(Rule rule, String conversationId, Step step, int attempt, Instant due) {
    }

    private static final class Seen {
        Instant lastCustomer = Instant.EPOCH;
        Instant lastAnswer = Instant.EPOCH;
        boolean followedUp;
        String afterHoursDay = "";
    }

    private final Clock clock;
    private final ZoneId zone;
    private final AutomationStore store;
    private final Actions actions;
    private final List<Rule> rules = new ArrayList<>();
    private final Deque<Execution> log = new ArrayDeque<>();
    private final List<Pending> retries = new ArrayList<>();
    private final Map<String, Seen> conversations = new LinkedHashMap<>(16, 0.75f, true);
    private BusinessHours hours;
    private volatile Intents intents;
    private LocalDateTime lastTick;

    public Automation(Clock clock, ZoneId zone, AutomationStore store, Actions actions) {
        this.clock = clock;
        this.zone = zone;
        this.store = store;
        this.actions = actions;
        AutomationStore.Saved saved = store.load();
        rules.addAll(saved.rules().isEmpty() ? Rule.defaults() : saved.rules());
        hours = saved.hours();
        saved.log().forEach(log::addLast);
        lastTick = now().toLocalDateTime();
    }

    /** The meaning matcher INTENT rules use; without one they never fire. */
    public void useIntents(Intents matcher) {
        this.intents = matcher;
    }

    public synchronized Outcome onCustomerMessage(String conversationId, String text, boolean firstMessage) {
        Seen seen = seen(conversationId);
        seen.lastCustomer = clock.instant();
        seen.followedUp = false;
        boolean replied = false;
        boolean handedOff = false;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : enabled()) {
            boolean fires = switch (rule.trigger()) {
                case NEW_CONVERSATION -> firstMessage;
                case KEYWORD -> Rule.keywords(rule.match()).stream().anyMatch(lower::contains);
                case INTENT -> intents != null && Rule.keywords(rule.match()).stream()
                        .anyMatch(example -> intents.similarity(text, example) >= INTENT_THRESHOLD);
                case AFTER_HOURS -> !hours.isOpen(now()) && !today().equals(seen.afterHoursDay);
                default -> false;
            };
            if (!fires) {
                continue;
            }
            if (rule.trigger() == Rule.Trigger.AFTER_HOURS) {
                seen.afterHoursDay = today();
            }
            execute(rule, conversationId, 1);
            // Only a keyword rule answers the question itself; a greeting or an after-hours notice
            // comes on top of the assistant's answer.
            replied |= rule.action() == Rule.Action.REPLY
                    && (rule.trigger() == Rule.Trigger.KEYWORD || rule.trigger() == Rule.Trigger.INTENT);
            handedOff |= rule.action() == Rule.Action.HAND_OFF;
        }
        return replied || handedOff ? new Outcome(replied, handedOff) : Outcome.NOTHING;
    }

    /** The shop (assistant, rule or staff) answered the conversation: the idle clock starts. */
    public synchronized void onAnswer(String conversationId) {
        seen(conversationId).lastAnswer = clock.instant();
    }

    /** Idle follow-ups, schedules and retries that are due. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (Rule rule : enabled()) {
            if (rule.trigger() == Rule.Trigger.IDLE) {
                Duration idle = Duration.ofMinutes(Integer.parseInt(rule.match()));
                conversations.forEach((id, seen) -> {
                    if (!seen.followedUp && seen.lastAnswer.isAfter(seen.lastCustomer)
                            && !seen.lastAnswer.plus(idle).isAfter(now)) {
                        seen.followedUp = true;
                        execute(rule, id, 1);
                    }
                });
            } else if (rule.trigger() == Rule.Trigger.SCHEDULE) {
                Optional<LocalDateTime> next = Cron.parse(rule.match()).next(lastTick);
                if (next.isPresent() && !next.get().isAfter(now().toLocalDateTime())) {
                    execute(rule, null, 1);
                }
            }
        }
        lastTick = now().toLocalDateTime();
        List<Pending> due = new ArrayList<>();
        for (Iterator<Pending> it = retries.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.due().isAfter(now)) {
                due.add(p);
                it.remove();
            }
        }
        due.forEach(p -> run(p.rule(), p.conversationId(), p.step(), p.attempt()));
    }

    private void execute(Rule rule, String conversationId, int attempt) {
        Step step = switch (rule.action()) {
            case REPLY -> () -> actions.reply(conversationId, rule.text());
            case NOTIFY_STAFF -> () -> actions.notifyStaff(StaffMessage.ruleText(rule.text()));
            case HAND_OFF -> () -> actions.handOff(conversationId, rule.name());
            case DAILY_SUMMARY -> () -> actions.notifyStaff(actions.dailySummary());
        };
        run(rule, conversationId, step, attempt);
        if (rule.action() == Rule.Action.REPLY && conversationId != null) {
            seen(conversationId).lastAnswer = clock.instant();
        }
    }

    private void run(Rule rule, String conversationId, Step step, int attempt) {
        try {
            step.run();
            record(rule, conversationId, Execution.Outcome.OK, attempt, "");
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (attempt < ATTEMPTS) {
                Duration pause = FIRST_RETRY.multipliedBy(1L << (attempt - 1));
                retries.add(new Pending(rule, conversationId, step, attempt + 1, clock.instant().plus(pause)));
                record(rule, conversationId, Execution.Outcome.RETRYING, attempt, reason);
            } else {
                record(rule, conversationId, Execution.Outcome.FAILED, attempt, reason);
                LOG.warnf("Automation %s failed %d times; staff are told", rule.id(), ATTEMPTS);
                try {
                    actions.notifyStaff(StaffMessage.ruleFailed(rule.name(), reason));
                } catch (Exception notifyFailed) {
                    LOG.warnf("Could not tell staff either: %s", notifyFailed.getMessage());
                }
            }
        }
    }

    private void record(Rule rule, String conversationId, Execution.Outcome outcome, int attempt,
                        String detail) {
        counts.record(outcome);
        log.addFirst(new Execution(clock.instant(), rule.id(), rule.name(), conversationId, outcome, attempt, detail));
        while (log.size() > KEEP_LOG) {
            log.removeLast();
        }
        save();
    }

    public synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    public synchronized List<Execution> log() {
        return List.copyOf(log);
    }

    public synchronized BusinessHours hours() {
        return hours;
    }

    public synchronized void setHours(BusinessHours hours) {
        this.hours = hours;
        save();
    }

    /** Adds a rule or replaces the one with its id. */
    public synchronized void save(Rule rule) {
        rules.replaceAll(r -> r.id().equals(rule.id()) ? rule : r);
        if (rules.stream().noneMatch(r -> r.id().equals(rule.id()))) {
            rules.add(rule);
        }
        save();
    }

    public synchronized boolean delete(String ruleId) {
        boolean removed = rules.removeIf(r -> r.id().equals(ruleId));
        retries.removeIf(p -> p.rule().id().equals(ruleId));
        save();
        return removed;
    }

    public synchronized boolean setEnabled(String ruleId, boolean on) {
        boolean found = rules.stream().anyMatch(r -> r.id().equals(ruleId));
        rules.replaceAll(r -> r.id().equals(ruleId) ? r.withEnabled(on) : r);
        save();
        return found;
    }

    private void save() {
        store.save(new AutomationStore.Saved(List.copyOf(rules), hours, List.copyOf(log)));
    }

    private List<Rule> enabled() {
        return rules.stream().filter(Rule::enabled).toList();
    }

    private Seen seen(String conversationId) {
        Seen s = conversations.computeIfAbsent(conversationId, k -> new Seen());
        if (conversations.size() > KEEP_CONVERSATIONS) {
            conversations.remove(conversations.keySet().iterator().next());
        }
        return s;
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    private String today() {
        return now().toLocalDate().toString();
    }
}
