/**
 * JPA implementations of the chat repositories ({@code chat.domain}): the only chat classes that
 * hold an {@code EntityManager} and write JPQL. Each is a stateless bean that joins the caller's
 * transaction (or opens one for a lone update, such as a presence write from a socket).
 */
package com.alpha01.server.chat.infrastructure.persistence;
