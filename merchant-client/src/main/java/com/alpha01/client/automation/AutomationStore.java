package com.alpha01.client.automation;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.store.EncryptedStore;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Where the rules, the opening hours and the execution log are kept. */
public interface AutomationStore {

    record Saved(List<Rule> rules, BusinessHours hours, List<Execution> log) {
    }

    Saved load();

    void save(Saved saved);

    /** Nothing kept (tests, or a store that cannot be opened). */
    static AutomationStore inMemory() {
        return new AutomationStore() {
            private Saved saved = new Saved(List.of(), BusinessHours.DEFAULT, List.of());

            @Override
            public Saved load() {
                return saved;
            }

            @Override
            public void save(Saved s) {
                saved = s;
            }
        };
    }

    /** Kept in the encrypted store, record {@code automation}. */
    static AutomationStore encrypted(EncryptedStore store) {
        Logger log = Logger.getLogger(AutomationStore.class);
        return new AutomationStore() {
            @Override
            public Saved load() {
                try {
                    return store.getString("automation").map(s -> parse(JSON.createReader(new StringReader(s)).readObject()))
                            .orElse(new Saved(List.of(), BusinessHours.DEFAULT, List.of()));
                } catch (IOException | RuntimeException e) {
                    log.warnf("The automation settings could not be read (%s); starting from the defaults", e.getMessage());
                    return new Saved(List.of(), BusinessHours.DEFAULT, List.of());
                }
            }

            @Override
            public void save(Saved saved) {
                JsonArrayBuilder rules = JSON.createArrayBuilder();
                saved.rules().forEach(r -> rules.add(r.toJson()));
                JsonArrayBuilder executions = JSON.createArrayBuilder();
                saved.log().forEach(e -> executions.add(e.toJson()));
                try {
                    store.putString("automation", JSON.createObjectBuilder().add("rules", rules)
                            .add("open", saved.hours().open().toString()).add("close", saved.hours().close().toString())
                            .add("log", executions).build().toString());
                } catch (IOException e) {
                    log.warnf("The automation settings could not be saved: %s", e.getMessage());
                }
            }
        };
    }

    private static Saved parse(JsonObject o) {
        List<Rule> rules = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("rules")) {
            rules.add(Rule.fromJson(v.asJsonObject()));
        }
        List<Execution> log = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("log")) {
            log.add(Execution.fromJson(v.asJsonObject()));
        }
        return new Saved(rules, new BusinessHours(LocalTime.parse(o.getString("open")), LocalTime.parse(o.getString("close"))),
                log);
    }
}
