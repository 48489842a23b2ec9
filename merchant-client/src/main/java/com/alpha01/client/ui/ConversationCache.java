package com.alpha01.client.ui;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.store.EncryptedStore;
import java.io.IOException;
import java.io.StringReader;
import org.jboss.logging.Logger;

/**
 * The conversations the page shows, cached in the encrypted store (record {@value #RECORD}) so that
 * staff can browse them before (or without) the server: restored at start, saved when changed.
 */
public final class ConversationCache {

    private static final Logger LOG = Logger.getLogger(ConversationCache.class);
    public static final String RECORD = "conversations";

    private final EncryptedStore store;
    private final UiState ui;

    public ConversationCache(EncryptedStore store, UiState ui) {
        this.store = store;
        this.ui = ui;
    }

    /** Loads what the last run cached; an unreadable cache is skipped. */
    public void restore() throws IOException {
        store.getString(RECORD).ifPresent(cache -> {
            try {
                ui.restore(JSON.createReader(new StringReader(cache)).readObject());
            } catch (RuntimeException e) {
                LOG.warnf("The conversation cache could not be read (%s); starting without it",
                        e.getClass().getSimpleName());
            }
        });
    }

    /** Saves the conversations if they changed since the last save. */
    public void save() {
        if (!ui.dirty()) {
            return;
        }
        try {
            store.putString(RECORD, ui.cache().toString());
        } catch (IOException e) {
            LOG.warnf("Could not save the conversation cache: %s", e.getMessage());
        }
    }
}
