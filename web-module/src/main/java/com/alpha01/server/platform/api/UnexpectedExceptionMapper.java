package com.alpha01.server.platform.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Everything else: framework errors keep their status with a JSON body; a request body that cannot
 * be read as the call's JSON is a 400 {@code BAD_FRAME}; an unexpected failure is a 500 whose body
 * has only a correlation ID, with the detail in the log under the same ID.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof EJBException ejb && ejb.getCause() instanceof DomainException domain) {
            return new DomainExceptionMapper().toResponse(domain);
        }
        if (Outages.storageUnavailable(e)) {
            Outages.note(e);
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", Outages.RETRY_AFTER_SECONDS)
                    .entity(new ErrorBody(ErrorCode.UNAVAILABLE.name(), "the database cannot be reached; retry in a moment",
                            Correlation.newId())).build();
        }
        if (tooBig(e)) {
            return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(ErrorCode.BAD_FRAME.name(), "the body is larger than the server accepts",
                            Correlation.newId())).build();
        }
        String id = Correlation.newId();
        if (e instanceof ProcessingException && unreadableJson(e)) {
            LOG.debugf("Request body refused [correlationId=%s]: %s", id, e.getMessage());
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(
                    ErrorCode.BAD_FRAME.name(), "the body is not JSON of the shape this call takes", id)).build();
        }
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(code(status), wae.getResponse().getStatusInfo().getReasonPhrase(), id));
            if (status == 401) {
                answer.header("WWW-Authenticate", "Bearer");
            }
            return answer.build();
        }
        LOG.errorf(e, "Unexpected failure [correlationId=%s]", id);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(ErrorCode.SERVER_ERROR.name(), "internal error", id)).build();
    }

    /** The error code a framework status is reported with (docs/protocol.md). */
    static String code(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> ErrorCode.FORBIDDEN.name();
            case 404 -> ErrorCode.NOT_FOUND.name();
            case 429 -> ErrorCode.RATE_LIMITED.name();
            default -> status < 500 ? ErrorCode.BAD_FRAME.name() : ErrorCode.SERVER_ERROR.name();
        };
    }

    /** A body over the listener's {@code max-post-size} (Undertow refuses to read further). */
    static boolean tooBig(Throwable e) {
        return Causes.any(e, t -> t.getClass().getName().equals("io.undertow.server.RequestTooBigException"));
    }

    /**
     * A request body JSON-B could not read (not JSON, or a field of the wrong type such as
     * {@code "capacity": "ten"}): the caller's mistake, not the server's.
     */
    private static boolean unreadableJson(Throwable e) {
        return Causes.any(e.getCause(), t -> t instanceof JsonbException || t instanceof JsonException);
    }
}
