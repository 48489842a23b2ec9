/**
 * The JMS broker as operators see it: {@code DeadLetterWatch} alerts once per message that failed
 * every delivery attempt and counts what waits in the dead-letter queue (health endpoint).
 */
package com.alpha01.server.platform.messaging;
