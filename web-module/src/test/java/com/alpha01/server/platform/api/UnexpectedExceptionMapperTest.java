package com.alpha01.server.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    private static ErrorBody body(Response response) {
        return (ErrorBody) response.getEntity();
    }

    @Test
    void an_unexpected_failure_is_a_500_with_a_correlation_id_and_no_word_of_its_message() {
        Response response = mapper.toResponse(new IllegalStateException("password=hunter2 at db host 10.0.0.7"));

        assertEquals(500, response.getStatus());
        assertEquals("SERVER_ERROR", body(response).error());
        assertEquals("internal error", body(response).message());
        assertFalse(body(response).correlationId().isBlank());
        assertFalse(response.getEntity().toString().contains("hunter2"));
    }

    @Test
    void each_failure_gets_its_own_correlation_id() {
        assertNotEquals(body(mapper.toResponse(new RuntimeException())).correlationId(),
                body(mapper.toResponse(new RuntimeException())).correlationId());
    }

    @Test
    void a_domain_error_wrapped_by_the_ejb_container_keeps_its_status_and_message() {
        Response response = mapper.toResponse(new EJBException(new DomainException(ErrorCode.NOT_FOUND, "no such client")));

        assertEquals(404, response.getStatus());
        assertEquals("NOT_FOUND", body(response).error());
        assertEquals("no such client", body(response).message());
    }

    @Test
    void a_body_that_is_not_the_calls_json_is_the_callers_mistake() {
        Response response = mapper.toResponse(new ProcessingException(new JsonbException("capacity: not a number")));

        assertEquals(400, response.getStatus());
        assertEquals("BAD_FRAME", body(response).error());
        assertFalse(body(response).message().contains("capacity"), "the parser's words stay in the log");
    }

    @Test
    void a_framework_error_keeps_its_status_with_a_json_body() {
        Response response = mapper.toResponse(new NotFoundException());

        assertEquals(404, response.getStatus());
        assertEquals("NOT_FOUND", body(response).error());
        assertFalse(body(response).correlationId().isBlank());
    }

    @Test
    void a_missing_caller_is_401_unauthenticated_with_a_bearer_challenge() {
        Response response = mapper.toResponse(new NotAuthorizedException("Bearer"));

        assertEquals(401, response.getStatus());
        assertEquals("UNAUTHENTICATED", body(response).error());
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void framework_statuses_keep_the_documented_codes() {
        assertEquals("FORBIDDEN", UnexpectedExceptionMapper.code(403));
        assertEquals("RATE_LIMITED", UnexpectedExceptionMapper.code(429));
        assertEquals("BAD_FRAME", UnexpectedExceptionMapper.code(405));
        assertEquals("SERVER_ERROR", UnexpectedExceptionMapper.code(503));
    }
}
