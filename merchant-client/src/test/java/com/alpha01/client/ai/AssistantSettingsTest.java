package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AssistantSettingsTest {

    private final AssistantSettings defaults = AssistantSettings.defaults();

    @Test
    void should_give_the_module_the_host_root_whichever_form_the_url_has() {
        assertEquals("https://open.bigmodel.cn/", defaults.moduleBaseUrl());
        assertEquals("https://open.bigmodel.cn/",
                defaults.withEndpoint("https://open.bigmodel.cn/api/paas/v4/", "glm-4").moduleBaseUrl());
        assertEquals("https://open.bigmodel.cn/",
                defaults.withEndpoint("https://open.bigmodel.cn/api/paas/v4", "glm-4").moduleBaseUrl());
        assertEquals("http://127.0.0.1:9/proxy/",
                defaults.withEndpoint("http://127.0.0.1:9/proxy", "glm-4").moduleBaseUrl());
        assertEquals("https://open.bigmodel.cn/", defaults.withEndpoint(" ", "glm-4").moduleBaseUrl());
    }

    @Test
    void should_accept_only_keys_of_the_form_id_dot_secret() {
        assertTrue(defaults.withApiKey("abc.def").hasUsableKey());
        assertFalse(defaults.hasUsableKey());
        assertFalse(defaults.withApiKey("abcdef").hasUsableKey());
        assertFalse(defaults.withApiKey("abc.").hasUsableKey());
        assertFalse(defaults.withApiKey(".def").hasUsableKey());
        assertFalse(defaults.withApiKey("a.b.c").hasUsableKey());
        assertFalse(defaults.withApiKey("  ").hasUsableKey());
        assertEquals("abc.def", defaults.withApiKey(" abc.def\n").apiKey(), "a pasted key is trimmed");
    }

    @Test
    void should_never_show_the_key_in_its_text() {
        String text = defaults.withApiKey("keyid.topsecret-value").toString();

        assertFalse(text.contains("topsecret"), text);
        assertFalse(text.contains("keyid"), text);
        assertTrue(text.contains("key=set"), text);
    }

    @Test
    void should_back_off_exponentially_up_to_the_maximum() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(1));

        assertEquals(Duration.ofMillis(500), policy.delayBefore(2));
        assertEquals(Duration.ofMillis(1000), policy.delayBefore(3));
        assertEquals(Duration.ofMillis(1000), policy.delayBefore(4));
    }
}
