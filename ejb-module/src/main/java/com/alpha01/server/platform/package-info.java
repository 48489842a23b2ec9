/**
 * Cross-cutting server infrastructure: JNDI names of the resources the server needs (datasource,
 * JMS destinations), schema migrations, settings, per-socket rate limits and the thinning of
 * typing frames and drafts, and the error types shared by every context.
 */
package com.alpha01.server.platform;
