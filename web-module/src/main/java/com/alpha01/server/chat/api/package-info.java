/** Chat entry points: the customer session API and the {@code /ws/client} and {@code /ws/customer} sockets. */
package com.alpha01.server.chat.api;
