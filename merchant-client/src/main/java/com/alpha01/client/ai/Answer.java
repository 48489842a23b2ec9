package com.alpha01.client.ai;

/**
 * What goes back to the customer, never empty. {@code source} names the knowledge the answer rests on (may be
 * null); {@code staffNote} is set when staff must take over (why, and the last lines; null otherwise).
 */
public record Answer(String text, Kind kind, String source, StaffNote staffNote) {

    public enum Kind {
        /** Written by the model (streamed). */
        AI,
        /** Quoted from the best confident knowledge-base match, without the model. */
        EXTRACTIVE,
        /** The conversation goes to staff: the customer asked for a person, or the assistant is unsure. */
        HANDOFF,
        /** Nothing reliable to say: the customer is told a person will reply, and staff are notified. */
        FALLBACK,
        /** The customer only said hello, and gets a greeting in the shop's name (without the model). */
        GREETING
    }

    public Answer {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an answer needs text");
        }
        if (kind == null) {
            throw new IllegalArgumentException("an answer needs a kind");
        }
    }

    /**
     * The source to show the customer with the answer: set only when the text rests on it (a quote,
     * or the model's answer from retrieved knowledge); null for greetings, hand-offs and fallbacks.
     */
    public String shownSource() {
        return kind == Kind.EXTRACTIVE || kind == Kind.AI ? source : null;
    }

    /** Whether staff must be notified and the conversation set to HUMAN. */
    public boolean needsStaff() {
        return kind == Kind.HANDOFF || kind == Kind.FALLBACK;
    }

    /** A reply that tells the customer a person is coming: sending it without a hand-off would promise what nobody does. */
    public static boolean promisesPerson(String reply) {
        return CustomerIntent.promisesPerson(reply);
    }
}
