/** The merchant client releases the server publishes per target, with their signed packages and rollout (D60). */
package com.alpha01.server.platform.release;
