/**
 * Cross-cutting server infrastructure. Here: {@code Resources}, the JNDI names of what the server
 * needs (datasource, JMS destinations), and the per-socket limits the chat sockets use. Beneath:
 * {@code config} (settings), {@code persistence} (schema migrations, database health),
 * {@code messaging} (dead letters), {@code error} (domain errors), {@code privacy} (masking).
 */
package com.alpha01.server.platform;
