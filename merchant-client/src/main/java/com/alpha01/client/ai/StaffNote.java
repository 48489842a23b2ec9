package com.alpha01.client.ai;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * What staff are told when the assistant hands a conversation over: why, as a code each app words in its own
 * language, the model's own words when it gave a reason, who asked, and the customer's last few lines.
 */
public record StaffNote(Reason reason, String detail, String customer, List<String> recent) {

    public enum Reason {
        /** The customer asked for a person. */
        ASKED_FOR_STAFF,
        /** The knowledge base's best answer says a person handles this. */
        KNOWLEDGE_SAYS_STAFF,
        /** Nothing reliable to answer with (no model, nothing found). */
        NO_ANSWER,
        /** The model answered, but without sources and sounding unsure. */
        UNSURE,
        /** The model asked for staff itself; {@code detail} holds its reason. */
        MODEL,
        /** The assistant is still starting (its knowledge not loaded yet). */
        STARTING
    }

    public StaffNote {
        detail = detail == null ? "" : detail.strip();
        customer = customer == null ? "" : customer.strip();
        recent = List.copyOf(recent);
    }

    /** For the UI: {@code {reason, detail, customer, recent: [..]}}. */
    public JsonObject toJson() {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        recent.forEach(lines::add);
        return Json.createObjectBuilder().add("reason", reason.name()).add("detail", detail).add("customer", customer)
                .add("recent", lines).build();
    }
}
