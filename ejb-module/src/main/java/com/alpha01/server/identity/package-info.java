/**
 * Who is calling: the {@link com.alpha01.server.identity.Caller} that the web edge builds from a
 * validated Keycloak token and passes into the application services, which check tenancy with it.
 */
package com.alpha01.server.identity;
