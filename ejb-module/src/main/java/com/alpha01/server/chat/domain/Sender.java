package com.alpha01.server.chat.domain;

/** Who wrote a message: the customer, the merchant client's AI, or staff. Stored by name. */
public enum Sender {
    CUSTOMER, BOT, STAFF
}
