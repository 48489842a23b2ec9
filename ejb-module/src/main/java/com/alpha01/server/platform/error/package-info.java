/**
 * Errors shared by every context: {@code DomainException}, a broken business rule carrying the
 * protocol's error code, which REST mappers and socket endpoints turn into the same answer.
 */
package com.alpha01.server.platform.error;
