package com.alpha01.server.platform.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Nesting;
import com.alpha01.protocol.Texts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Every text a REST body carries (QR labels, names, welcome lines, user names) must be storable as
 * sent ({@link Texts}): a body with a NUL character or half a surrogate pair in any string is refused
 * 400 {@code BAD_TEXT} before a resource sees it — PostgreSQL would otherwise refuse the NUL with a
 * 500, and UTF-8 would turn the half pair into {@code ?}. A body nested deeper than any call takes
 * is refused 400 {@code BAD_FRAME} before a parser recurses into it. Bodies that are not JSON pass on
 * (the resource's reader answers {@code BAD_FRAME}).
 */
@Provider
public class StorableText implements ContainerRequestFilter {

    /** Deeper than any call's body nests. */
    static final int MAX_DEPTH = 16;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity() || !MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String text = new String(body, StandardCharsets.UTF_8);
        if (Nesting.deeperThan(text, MAX_DEPTH)) {
            // No call takes more than a few levels; the parser would recurse (and fail) for each one.
            request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(ErrorCode.BAD_FRAME.name(), "the body is nested too deeply",
                            Correlation.newId())).build());
            return;
        }
        JsonValue json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readValue();
        } catch (JsonException e) {
            return;
        }
        if (!storable(json)) {
            request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(ErrorCode.BAD_TEXT.name(),
                            "a text holds a NUL character or half of a surrogate pair", Correlation.newId()))
                    .build());
        }
    }

    private static boolean storable(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> Texts.storable(((JsonString) value).getString());
            case OBJECT -> ((JsonObject) value).entrySet().stream()
                    .allMatch(e -> Texts.storable(e.getKey()) && storable(e.getValue()));
            case ARRAY -> ((JsonArray) value).stream().allMatch(StorableText::storable);
            default -> true;
        };
    }
}
