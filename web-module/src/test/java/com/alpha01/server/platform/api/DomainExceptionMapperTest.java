package com.alpha01.server.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainExceptionMapperTest {

    private final DomainExceptionMapper mapper = new DomainExceptionMapper();

    @Test
    void each_error_code_has_its_http_status() {
        Map<ErrorCode, Integer> expected = Map.ofEntries(Map.entry(ErrorCode.BAD_FRAME, 400),
                Map.entry(ErrorCode.BAD_TEXT, 400), Map.entry(ErrorCode.BAD_SIGNATURE, 400),
                Map.entry(ErrorCode.UNKNOWN_TYPE, 400), Map.entry(ErrorCode.FORBIDDEN, 403),
                Map.entry(ErrorCode.NOT_FOUND, 404), Map.entry(ErrorCode.CONFLICT, 409),
                Map.entry(ErrorCode.RATE_LIMITED, 429), Map.entry(ErrorCode.SERVER_ERROR, 500),
                Map.entry(ErrorCode.IDENTITY_UNAVAILABLE, 503), Map.entry(ErrorCode.UNAVAILABLE, 503));
        assertEquals(ErrorCode.values().length, expected.size(), "every code is covered");
        expected.forEach((code, status) ->
                assertEquals(status, mapper.toResponse(new DomainException(code, "x")).getStatus(), code.name()));
    }

    @Test
    void the_body_names_the_code_keeps_the_message_for_the_caller_and_carries_a_correlation_id() {
        Response response = mapper.toResponse(new DomainException(ErrorCode.CONFLICT, "the code is revoked"));

        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("CONFLICT", body.error());
        assertEquals("the code is revoked", body.message());
        assertNotNull(body.correlationId());
        assertFalse(body.correlationId().isBlank());
    }
}
