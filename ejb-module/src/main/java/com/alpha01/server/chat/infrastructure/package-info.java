/** Artemis JMS: the publisher of stored messages and the MDB that hands them to delivery. */
package com.alpha01.server.chat.infrastructure;
