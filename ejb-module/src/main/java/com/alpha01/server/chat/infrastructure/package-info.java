/**
 * Chat infrastructure: Artemis JMS (the delivery queue's publisher and MDB, the relay topic between
 * nodes with its codec and MDB), the timers (heartbeat and presence, failover sweep) and the node's
 * start-up. Repositories are in {@code persistence}. MDBs and timers only decode and call the
 * application layer.
 */
package com.alpha01.server.chat.infrastructure;
