package com.alpha01.server.identity.api;

import com.alpha01.server.identity.Caller;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * Builds the {@link Caller} from the principal that elytron-oidc-client authenticated. The token
 * was validated by WildFly (signature, issuer, expiry); this only reads its claims.
 */
public final class Callers {

    private Callers() {
    }

    public static Optional<Caller> from(Principal principal) {
        if (!(principal instanceof OidcPrincipal<?> oidc) || oidc.getOidcSecurityContext() == null) {
            return Optional.empty();
        }
        AccessToken token = oidc.getOidcSecurityContext().getToken();
        if (token == null || token.getSubject() == null) {
            return Optional.empty();
        }
        String username = Optional.ofNullable(token.getPreferredUsername()).orElse(token.getSubject());
        String display = Optional.ofNullable(token.getGivenName()).orElse(username);
        return Optional.of(new Caller(token.getSubject(), username, display, realmRoles(token), groups(token)));
    }

    /** For REST resources behind a security constraint: the caller, or 401. */
    public static Caller require(Principal principal) {
        return from(principal).orElseThrow(() -> new NotAuthorizedException("Bearer"));
    }

    private static Set<String> realmRoles(AccessToken token) {
        RealmAccessClaim realmAccess = token.getRealmAccessClaim();
        List<String> roles = realmAccess == null ? null : realmAccess.getRoles();
        return roles == null ? Set.of() : Set.copyOf(roles);
    }

    private static List<String> groups(AccessToken token) {
        List<String> groups = token.hasClaim("groups") ? token.getStringListClaimValue("groups") : null;
        return groups == null ? List.of() : groups;
    }
}
