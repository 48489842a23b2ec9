/**
 * Use cases of the chat context: customer entry, accepting messages (store, then acknowledge,
 * then publish), delivery to peer sockets, delivery receipts and replay, typing indicators, drafts
 * (answers shown while they are written), and a shop's figures for today. Sockets are reached only
 * through {@link com.alpha01.server.chat.application.PeerChannel}, so no HTTP type lives here.
 */
package com.alpha01.server.chat.application;
