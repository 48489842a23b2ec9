/** Turns the token that WildFly's OIDC layer validated into a {@link com.alpha01.server.identity.Caller}. */
package com.alpha01.server.identity.api;
