/**
 * Chat entry points: the customer session API, the {@code /ws/client} and {@code /ws/customer}
 * sockets, history, and a shop's figures for today.
 */
package com.alpha01.server.chat.api;
