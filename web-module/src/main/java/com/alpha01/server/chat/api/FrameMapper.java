package com.alpha01.server.chat.api;

import com.alpha01.protocol.Frame;
import com.alpha01.server.chat.application.Answer;
import com.alpha01.server.chat.application.ChatService;
import com.alpha01.server.chat.application.DraftText;
import com.alpha01.server.chat.application.Outbound;
import com.alpha01.server.chat.application.Question;
import com.alpha01.server.chat.application.StaffAction;
import com.alpha01.server.chat.domain.Sender;
import java.util.UUID;

/**
 * The assembler between wire frames (docs/protocol.md) and the chat use cases' own types: inbound
 * frames become commands, {@link Outbound} records become frames. Frames reach here decoded and
 * checked by {@code FrameCodec}, so ids are well-formed.
 */
final class FrameMapper {

    private FrameMapper() {
    }

    static Question question(Frame.Send send) {
        return new Question(send.id(), send.text());
    }

    /** A client's reply; {@code staffName} is the staff member signed in at the client (kept with STAFF answers). */
    static Answer answer(Frame.Reply reply, String staffName) {
        return new Answer(UUID.fromString(reply.conversationId()), reply.id(), reply.text(), sender(reply.sender()),
                reply.inReplyTo(), reply.source(), reply.kind() == null ? null : reply.kind().name(), staffName);
    }

    static DraftText draft(Frame.Draft draft) {
        return new DraftText(UUID.fromString(draft.conversationId()), draft.inReplyTo(), draft.text());
    }

    static StaffAction action(Frame.Action action) {
        return StaffAction.valueOf(action.name());
    }

    static Sender sender(Frame.Sender sender) {
        return sender == null ? null : Sender.valueOf(sender.name());
    }

    static Frame.Ack ack(String senderMsgId, ChatService.Accepted accepted) {
        return new Frame.Ack(senderMsgId, accepted.conversationId().toString(), accepted.seq());
    }

    /** The frame that carries {@code outbound} to a peer. */
    static Frame frame(Outbound outbound) {
        String conversationId = outbound.conversationId() == null ? null : outbound.conversationId().toString();
        if (outbound instanceof Outbound.Message m) {
            return new Frame.Message(m.id(), conversationId, m.seq(), Frame.Sender.valueOf(m.sender().name()), m.text(),
                    m.at(), m.customer(), m.inReplyTo(), m.source());
        } else if (outbound instanceof Outbound.State s) {
            return new Frame.State(conversationId, s.state().name(), s.by());
        } else if (outbound instanceof Outbound.Read r) {
            return new Frame.Read(conversationId, r.seq());
        } else if (outbound instanceof Outbound.Typing t) {
            return new Frame.Typing(conversationId, t.typing());
        } else if (outbound instanceof Outbound.Draft d) {
            return new Frame.Draft(conversationId, d.inReplyTo(), d.text());
        } else if (outbound instanceof Outbound.Rated r) {
            return new Frame.Rated(conversationId, r.upToSeq(), r.score(), r.comment());
        } else if (outbound instanceof Outbound.Welcome w) {
            return new Frame.Welcome(w.peerId(), w.merchantId().toString(), w.merchantName(), conversationId,
                    w.welcomeLine());
        }
        throw new IllegalArgumentException("no frame for " + outbound.getClass().getSimpleName());
    }

    /** A client's {@code report} as the activity the server keeps and counts. */
    static com.alpha01.server.merchant.domain.ClientActivity activity(Frame.Report r) {
        return new com.alpha01.server.merchant.domain.ClientActivity(r.aiAnswers(), r.staffAnswers(), r.handOffs(),
                r.modelErrors(), r.automationRuns(), r.automationFailures(), r.aiAnswerP50Ms(), r.aiAnswerP90Ms());
    }
}
