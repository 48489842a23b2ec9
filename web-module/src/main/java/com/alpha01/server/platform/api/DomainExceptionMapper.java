package com.alpha01.server.platform.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Business rule violations: their code decides the HTTP status; the message is meant for the caller. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        return Response.status(status(e.code()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.code().name(), e.getMessage(), Correlation.newId()))
                .build();
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case BAD_FRAME, BAD_TEXT, UNKNOWN_TYPE, BAD_SIGNATURE -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RATE_LIMITED -> 429;
            case SERVER_ERROR -> 500;
            case IDENTITY_UNAVAILABLE, UNAVAILABLE -> 503;
        };
    }
}
