package com.alpha01.client.answering;

import com.alpha01.client.ai.Answer;
import com.alpha01.client.ai.AnswerService;
import com.alpha01.client.ai.AnswerSink;
import com.alpha01.client.ai.Question;
import com.alpha01.client.ai.StaffNote;
import com.alpha01.client.automation.Automation;
import com.alpha01.client.automation.StaffMessage;
import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.kb.UnansweredQuestions;
import com.alpha01.client.link.LinkListener;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.link.WorkTally;
import com.alpha01.protocol.Frame;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * What happens when a customer message reaches the shop PC: the link hands it here, it is shown
 * (the observer, such as the UI), and unless staff hold the conversation the shop's automation
 * rules are asked first, then the local assistant answers (streamed drafts, then the reply), or the
 * built-in FAQ while the assistant is not ready. Answers are computed off the link's thread, each
 * conversation's in order and different conversations side by side ({@link ConversationLanes}).
 */
public final class AutoResponder implements LinkListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AutoResponder.class);

    /** What the observer (the UI, a test) sees of the link and of the answering, rules included. */
    public interface Observer {
        void state(LinkState state);

        void message(Frame.Message message);

        /** Who answers a conversation changed. */
        /** A customer rated a closed conversation. */
        default void rated(Frame.Rated rated) {
        }

        default void conversationState(Frame.State state) {
        }

        /** The customer read our answers up to {@code read.seq()}. */
        default void read(Frame.Read read) {
        }

        /** The customer is typing, or stopped. */
        default void typing(Frame.Typing typing) {
        }

        /** The assistant handed the conversation to staff, with a note for them. */
        default void handOff(String conversationId, StaffNote note) {
        }

        /** An automation rule has something to tell staff. */
        default void staffNotice(StaffMessage message) {
        }

        /** An automation rule handed the conversation to staff. */
        default void handedToStaff(String conversationId) {
        }
    }

    private final FaqResponder faq;
    private final Observer observer;
    private final ConversationLanes lanes = ConversationLanes.perCore("alpha01-answers");
    private volatile ServerLink link;
    private volatile Automation automation;
    private volatile Supplier<Optional<AnswerService>> assistant = Optional::empty;
    private volatile BooleanSupplier shopKnowledge = () -> false;
    private volatile UnansweredQuestions unanswered;
    /** Conversations staff have taken over: the AI stays silent there. */
    private final Set<String> heldByStaff = ConcurrentHashMap.newKeySet();
    private volatile WorkTally tally = new WorkTally();

    public AutoResponder(FaqResponder faq, Observer observer) {
        this.faq = faq;
        this.observer = observer;
    }

    /** The shop's rules, asked first about every customer message (a rule that answered silences the AI). */
    public void useAutomation(Automation rules) {
        this.automation = rules;
    }

    /**
     * Whether the shop has a knowledge base of its own: then, until the assistant is ready, a question gets
     * the fallback line and goes to staff instead of an answer from the demo FAQ.
     */
    public void useShopKnowledgeCheck(BooleanSupplier shopHasKnowledge) {
        this.shopKnowledge = shopHasKnowledge;
    }

    /** The assistant that answers (streamed) when it is ready; the local FAQ answers until then. */
    public void useAssistant(Supplier<Optional<AnswerService>> assistant) {
        this.assistant = assistant;
    }

    /** Where the questions the assistant hands to staff are kept, for the shop to add to the knowledge base. */
    public void recordUnanswered(UnansweredQuestions questions) {
        this.unanswered = questions;
    }

    /** The app's tally of its work (answer times, hand-offs), which the link reports to the server. */
    public void useTally(WorkTally appTally) {
        this.tally = appTally;
    }

    public WorkTally tally() {
        return tally;
    }

    /** The link to answer through (set once it exists: the link needs this listener first). */
    public void attach(ServerLink link) {
        this.link = link;
    }

    @Override
    public void onState(LinkState state) {
        observer.state(state);
    }

    @Override
    public void onRead(Frame.Read read) {
        observer.read(read);
    }

    @Override
    public void onTyping(Frame.Typing typing) {
        observer.typing(typing);
    }

    @Override
    public void onRated(Frame.Rated rated) {
        observer.rated(rated);
    }

    @Override
    public void onConversationState(Frame.State state) {
        if ("HUMAN".equals(state.state())) {
            heldByStaff.add(state.conversationId());
        } else {
            heldByStaff.remove(state.conversationId());
        }
        observer.conversationState(state);
    }

    @Override
    public void onMessage(Frame.Message message) {
        observer.message(message);
        Automation rules = automation;
        if (message.sender() != Frame.Sender.CUSTOMER) {
            if (rules != null) {
                rules.onAnswer(message.conversationId());
            }
            return;
        }
        if (heldByStaff.contains(message.conversationId())) {
            return;
        }
        lanes.execute(message.conversationId(), () -> {
            if (rules != null && rules.onCustomerMessage(message.conversationId(), message.text(), message.seq() == 1)
                    .handled()) {
                return;
            }
            answer(message);
        });
    }

    private void answer(Frame.Message question) {
        Optional<AnswerService> ai = assistant.get();
        if (ai.isPresent()) {
            answerWith(ai.get(), question);
            return;
        }
        boolean demoOnly = !shopKnowledge.getAsBoolean();
        FaqResponder.Found found = demoOnly ? faq.find(question.text()) : faq.fallback();
        Frame.AnswerKind kind = found.source() == null ? Frame.AnswerKind.FALLBACK
                : Answer.promisesPerson(found.text()) ? Frame.AnswerKind.HANDOFF : Frame.AnswerKind.EXTRACTIVE;
        link.reply(question.conversationId(), found.text(), Frame.Sender.BOT, question.seq(), found.source(), kind)
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Answer in conversation %s not stored: %s", question.conversationId(),
                                failure.getMessage());
                    } else {
                        observer.message(sent(ack, question, found.text(), found.source()));
                    }
                    // Staff take it while the assistant starts: for a shop with its own knowledge (the demo FAQ
                    // would answer with a sample shop's facts), or when the FAQ entry found promises a person.
                    if (!demoOnly || found.source() != null && Answer.promisesPerson(found.text())) {
                        handOff(question.conversationId(), new StaffNote(StaffNote.Reason.STARTING, "", question.customer(),
                                List.of(question.text())));
                    }
                });
    }

    /** Our stored answer to {@code question}, as the observer shows it (with what it rests on, if anything). */
    private static Frame.Message sent(Frame.Ack ack, Frame.Message question, String text, String source) {
        return new Frame.Message(ack.id(), question.conversationId(), ack.seq(), Frame.Sender.BOT, text, Instant.now(),
                null, question.seq(), source);
    }

    /**
     * The assistant's answer: streamed to the customer as drafts, then sent as the reply; an answer
     * that needs staff hands the conversation over (after the reply: a HUMAN conversation takes no
     * BOT replies) and tells the observer, with the assistant's summary for staff.
     */
    private void answerWith(AnswerService ai, Frame.Message question) {
        String conversation = question.conversationId();
        long asked = System.nanoTime();
        ai.answer(new Question(conversation, question.seq(), question.text(), question.customer()),
                new AnswerSink() {
                    @Override
                    public void partial(String textSoFar) {
                        link.draft(conversation, question.seq(), textSoFar);
                    }

                    @Override
                    public void complete(Answer answer) {
                        tally.answerTook((System.nanoTime() - asked) / 1_000_000);
                        UnansweredQuestions kept = unanswered;
                        if (answer.needsStaff() && kept != null) {
                            kept.record(conversation, question.seq(), question.text());
                        }
                        link.reply(conversation, answer.text(), Frame.Sender.BOT, question.seq(), answer.shownSource(),
                                        Frame.AnswerKind.valueOf(answer.kind().name()))
                                .whenComplete((ack, failure) -> {
                                    if (failure != null) {
                                        LOG.warnf("Answer in conversation %s not stored: %s", conversation,
                                                failure.getMessage());
                                    } else {
                                        observer.message(sent(ack, question, answer.text(), answer.shownSource()));
                                    }
                                    if (answer.needsStaff()) {
                                        handOff(conversation, answer.staffNote());
                                    }
                                });
                    }
                });
    }

    private void handOff(String conversation, StaffNote note) {
        tally.handedOff();
        try {
            link.control(Frame.Action.TAKEOVER, conversation);
        } catch (IllegalStateException offline) {
            LOG.infof("Hand-off of %s waits: %s", conversation, offline.getMessage());
        }
        observer.handOff(conversation, note);
    }

    /** Consumer-style adapter for callers that only want messages. */
    public static Observer messagesTo(Consumer<Frame.Message> messages) {
        return new Observer() {
            @Override
            public void state(LinkState state) {
            }

            @Override
            public void message(Frame.Message message) {
                messages.accept(message);
            }
        };
    }

    @Override
    public void close() {
        lanes.close();
    }
}
