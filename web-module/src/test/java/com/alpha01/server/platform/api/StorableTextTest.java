package com.alpha01.server.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    /** Runs the filter on a JSON body; returns the response it aborted with (null: let through) and the body the resource reads. */
    private static Object[] filter(String body) throws Exception {
        Object[] outcome = new Object[2];
        InputStream[] entity = {new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))};
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                StorableTextTest.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hasEntity" -> true;
                    case "getMediaType" -> MediaType.APPLICATION_JSON_TYPE;
                    case "getEntityStream" -> entity[0];
                    case "setEntityStream" -> {
                        entity[0] = (InputStream) args[0];
                        yield null;
                    }
                    case "abortWith" -> {
                        outcome[0] = args[0];
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        new StorableText().filter(request);
        outcome[1] = new String(entity[0].readAllBytes(), StandardCharsets.UTF_8);
        return outcome;
    }

    @Test
    void a_nul_anywhere_in_the_body_is_400_bad_text() throws Exception {
        Response refused = (Response) filter("{\"label\":\"门口\",\"scene\":{\"x\":[\"ok\",\"a\\u0000b\"]}}")[0];

        assertEquals(400, refused.getStatus());
        assertEquals("BAD_TEXT", ((ErrorBody) refused.getEntity()).error());
    }

    @Test
    void half_a_surrogate_pair_in_a_key_or_value_is_refused() throws Exception {
        assertEquals(400, ((Response) filter("{\"\\ud800\":1}")[0]).getStatus());
        assertEquals(400, ((Response) filter("[\"\\udc00\"]")[0]).getStatus());
    }

    @Test
    void ordinary_and_unusual_but_storable_text_passes_and_the_resource_reads_the_same_body() throws Exception {
        String body = "{\"label\":\"<script>alert(1)</script> 👩‍👩‍👧 مرحبا e\\u0301\",\"maxUses\":3}";
        Object[] outcome = filter(body);

        assertNull(outcome[0]);
        assertEquals(body, outcome[1]);
    }

    @Test
    void a_body_that_is_not_json_is_left_to_the_resource() throws Exception {
        Object[] outcome = filter("{not json");

        assertNull(outcome[0]);
        assertEquals("{not json", outcome[1]);
    }

    @Test
    void a_body_nested_deeper_than_any_call_takes_is_400_bad_frame_before_it_is_parsed() throws Exception {
        Response refused = (Response) filter("{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}")[0];

        assertEquals(400, refused.getStatus());
        assertEquals("BAD_FRAME", ((ErrorBody) refused.getEntity()).error());
    }
}
