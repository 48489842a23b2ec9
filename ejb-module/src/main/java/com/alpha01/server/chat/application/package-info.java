/**
 * Use cases of the chat context. They take their own commands ({@code Question}, {@code Answer},
 * {@code DraftText}, {@code StaffAction}) and tell peers {@link com.alpha01.server.chat.application.Outbound}
 * records; the web edge maps both to and from wire frames, so no protocol frame and no JPA entity
 * crosses this layer's surface.
 *
 * <p>One rule for talking to peers: the transactional services ({@code ChatService},
 * {@code Failover}, {@code CustomerEntryService}, {@code DeliveryService}) decide and commit; the
 * use cases that relay ({@code ClientConnections}, {@code CustomerConnections},
 * {@code ConversationStates}, {@code Receipts}, {@code FailoverSweep}, and the transaction-less
 * {@code TypingService} and {@code DraftService}) run outside any transaction and relay after that
 * commit; a stored message is routed by the socket that stored it ({@code DeliveryService.route}),
 * after its {@code ack}.
 * Sockets are reached only through {@link com.alpha01.server.chat.application.PeerChannel} and the
 * cluster through {@link com.alpha01.server.chat.application.Relay}; per-socket pacing is in
 * {@code pacing}.
 */
package com.alpha01.server.chat.application;
