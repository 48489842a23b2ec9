/**
 * Cross-cutting server infrastructure. Here: {@code Resources}, the JNDI names of what the server
 * needs (datasource, JMS destinations). Beneath: {@code config} (settings), {@code persistence}
 * (schema migrations, database probe), {@code health}, {@code messaging} (dead letters),
 * {@code error} (domain errors), {@code privacy} (masking). Per-socket pacing lives with the chat
 * sockets' use cases ({@code chat.application.pacing}).
 */
package com.alpha01.server.platform;
