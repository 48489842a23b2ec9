package com.alpha01.server.identity.application;

import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.infrastructure.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** What a signed-in person does to their own account. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject
    KeycloakDirectory keycloak;

    /**
     * Ends all of the caller's Keycloak sessions (a lost phone, a shared shop PC). Access tokens
     * already issued run out within their 5-minute lifetime; no refresh succeeds after this.
     */
    public void signOutEverywhere(Caller caller) {
        keycloak.signOutEverywhere(caller.subject());
        LOG.infof("User %s signed out everywhere", caller.subject());
    }
}
