/**
 * The server's edge before any servlet, JAX-RS resource or the OIDC layer runs (D43): HTTP rate
 * limits per address, code, user and shop, and the rule that staff APIs take bearer tokens only
 * (no cookie, so no cross-site request forgery, and a JSON 401 instead of a redirect to sign in).
 */
package com.alpha01.server.platform.edge;
