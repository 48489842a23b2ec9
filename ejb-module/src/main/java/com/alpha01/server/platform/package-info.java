/**
 * Cross-cutting server infrastructure: JNDI names of the resources the server needs (datasource,
 * JMS destinations), settings, per-socket rate limits and the thinning of typing frames and drafts,
 * and the error types shared by every context. Schema migrations live in {@code platform.persistence}.
 */
package com.alpha01.server.platform;
