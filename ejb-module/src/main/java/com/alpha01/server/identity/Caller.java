package com.alpha01.server.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated user as the token from Keycloak describes them. Built only by the web edge
 * from a token that WildFly's OIDC layer has validated.
 *
 * @param subject     Keycloak user id ({@code sub})
 * @param username    preferred user name (may be an e-mail or phone: mask before logging)
 * @param displayName given name or user name, for display
 * @param roles       realm roles
 * @param groups      full group paths, e.g. {@code /merchants/demo-shop}
 */
public record Caller(String subject, String username, String displayName, Set<String> roles, List<String> groups)
        implements Serializable {

    public static final String MERCHANT_GROUP_PREFIX = "/merchants/";
    public static final String CHAIN_GROUP_PREFIX = "/chains/";

    public Caller {
        roles = Set.copyOf(roles);
        groups = List.copyOf(groups);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The merchant this staff member belongs to: the code of their first {@code /merchants/<code>} group. */
    public Optional<String> merchantCode() {
        return groupCode(MERCHANT_GROUP_PREFIX);
    }

    /** The store chain a chain admin manages: the code of their first {@code /chains/<code>} group. */
    public Optional<String> chainCode() {
        return groupCode(CHAIN_GROUP_PREFIX);
    }

    private Optional<String> groupCode(String prefix) {
        return groups.stream()
                .filter(g -> g.startsWith(prefix))
                .map(g -> g.substring(prefix.length()))
                .filter(code -> !code.isEmpty() && !code.contains("/"))
                .findFirst();
    }
}
