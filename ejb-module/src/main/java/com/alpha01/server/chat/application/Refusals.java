package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;

/** The refusal every chat use case gives for a conversation the caller may not see: no hint that it exists. */
final class Refusals {

    private Refusals() {
    }

    static DomainException noSuchConversation() {
        return new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
    }
}
