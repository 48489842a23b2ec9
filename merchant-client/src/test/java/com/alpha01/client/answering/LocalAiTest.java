package com.alpha01.client.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAiTest {

    private static final StoreKey KEY = StoreKey.passphrase("local-ai-test".toCharArray());

    @TempDir
    Path home;

    private LocalAi open() throws Exception {
        EncryptedStore store = EncryptedStore.open(home.resolve("store"), KEY);
        return new LocalAi(store, new AppSettings(store, new ClientSettings(home)), () -> "测试店", () -> "09:00–21:00");
    }

    @Test
    void follow_up_tasks_the_assistant_creates_survive_a_restart_until_staff_mark_them_done() throws Exception {
        String id;
        try (LocalAi ai = open()) {
            id = ai.followUpTasks().create("c-1", "顾客想预订周六包间，请回电").id();
        }
        try (LocalAi ai = open()) {
            assertEquals(1, ai.followUps().size());
            assertEquals("顾客想预订周六包间，请回电", ai.followUps().get(0).summary());
            assertTrue(ai.followUpDone(id));
            assertFalse(ai.followUpDone(id), "done once");
        }
        try (LocalAi ai = open()) {
            assertTrue(ai.followUps().isEmpty());
            assertEquals(200_000L, ai.usage().limit(), "the default daily token limit");
        }
    }
}
