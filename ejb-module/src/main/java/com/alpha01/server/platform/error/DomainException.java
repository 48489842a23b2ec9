package com.alpha01.server.platform.error;

import com.alpha01.protocol.ErrorCode;
import jakarta.ejb.ApplicationException;

/**
 * A request broke a business rule. Carries the protocol's {@link ErrorCode} so that REST mappers
 * and socket endpoints turn it into the same code. Rolls back the transaction.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
