package com.alpha01.server.identity.infrastructure;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.metrics.Meters;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The realm's groups and users, through keycloak-admin-client as the {@code alpha01-server}
 * service account (client credentials: {@code ALPHA01_KC_SERVER_SECRET}). The realm and its URL
 * come from {@code ALPHA01_OIDC_URL}. Every operation is idempotent (find, else create), and any
 * failure to reach Keycloak becomes {@link ErrorCode#IDENTITY_UNAVAILABLE}.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);
    private static final String CLIENT_ID = "alpha01-server";

    /** The container's; an instance made by hand (the unit tests) counts in memory. */
    @Inject
    Meters meters = Meters.inMemory();

    /** A group below {@code /merchants} or {@code /chains}: its code (name) and attributes. */
    public record Group(String id, String code, Map<String, List<String>> attributes) {
        public Optional<String> attribute(String name) {
            List<String> values = attributes == null ? null : attributes.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private volatile Keycloak keycloak;

    /** The group at {@code path}, if it exists. */
    public Optional<Group> group(String path) {
        return call(() -> {
            try {
                GroupRepresentation g = realm().getGroupByPath(path);
                return Optional.of(new Group(g.getId(), g.getName(), g.getAttributes()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** The groups directly below {@code parentPath} (e.g. every merchant of {@code /merchants}). */
    public List<Group> children(String parentPath) {
        return call(() -> {
            GroupRepresentation parent;
            try {
                parent = realm().getGroupByPath(parentPath);
            } catch (NotFoundException e) {
                return List.of();
            }
            List<Group> out = new ArrayList<>();
            for (GroupRepresentation g : realm().groups().group(parent.getId()).getSubGroups(0, 1000, false)) {
                out.add(new Group(g.getId(), g.getName(), g.getAttributes()));
            }
            return out;
        });
    }

    /**
     * Makes sure group {@code parentPath/code} exists with these attributes (created, or its
     * attributes updated); the top-level parent is created when missing. Returns its id.
     */
    public String ensureGroup(String parentPath, String code, Map<String, List<String>> attributes) {
        return call(() -> {
            RealmResource realm = realm();
            GroupRepresentation parent;
            try {
                parent = realm.getGroupByPath(parentPath);
            } catch (NotFoundException e) {
                GroupRepresentation top = new GroupRepresentation();
                top.setName(parentPath.substring(1));
                try (Response r = realm.groups().add(top)) {
                    top.setId(CreatedResponseUtil.getCreatedId(r));
                }
                parent = top;
            }
            try {
                GroupRepresentation existing = realm.getGroupByPath(parentPath + "/" + code);
                existing.setAttributes(attributes);
                realm.groups().group(existing.getId()).update(existing);
                return existing.getId();
            } catch (NotFoundException e) {
                GroupRepresentation g = new GroupRepresentation();
                g.setName(code);
                g.setAttributes(attributes);
                try (Response r = realm.groups().group(parent.getId()).subGroup(g)) {
                    String id = CreatedResponseUtil.getCreatedId(r);
                    LOG.infof("Keycloak group %s/%s created", parentPath, code);
                    return id;
                }
            }
        });
    }

    /**
     * Makes sure user {@code username} exists, belongs to group {@code groupPath} and holds
     * {@code roles}. A new user gets {@code email} and, when given, {@code password} (else they set
     * one through Keycloak's required action). A user created here is deleted again when a later
     * step fails, so no half-made account is left behind. Returns the user id.
     */
    public String ensureUser(String username, String email, char[] password, Set<String> roles, String groupPath) {
        return call(() -> {
            RealmResource realm = realm();
            String groupId = realm.getGroupByPath(groupPath).getId();
            List<UserRepresentation> found = realm.users().searchByUsername(username, true);
            boolean created = found.isEmpty();
            String id;
            if (created) {
                UserRepresentation u = new UserRepresentation();
                u.setUsername(username);
                u.setEmail(email);
                // The realm's user profile asks for both names; staff can change them in their account.
                u.setFirstName(username);
                u.setLastName(username);
                u.setEnabled(true);
                // An admin who sets the password vouches for the address; otherwise Keycloak verifies it.
                u.setEmailVerified(password != null);
                if (password == null) {
                    u.setRequiredActions(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
                }
                try (Response r = realm.users().create(u)) {
                    id = CreatedResponseUtil.getCreatedId(r);
                }
            } else {
                id = found.get(0).getId();
            }
            try {
                if (created && password != null) {
                    CredentialRepresentation c = new CredentialRepresentation();
                    c.setType(CredentialRepresentation.PASSWORD);
                    c.setValue(new String(password));
                    c.setTemporary(false);
                    realm.users().get(id).resetPassword(c);
                }
                realm.users().get(id).joinGroup(groupId);
                List<RoleRepresentation> wanted = roles.stream().map(r -> realm.roles().get(r).toRepresentation()).toList();
                realm.users().get(id).roles().realmLevel().add(wanted);
            } catch (RuntimeException e) {
                if (created) {
                    try (Response ignored = realm.users().delete(id)) {
                        LOG.infof("User just created removed again after a failed step");
                    }
                }
                throw e;
            }
            return id;
        });
    }

    /** Ends every Keycloak session of the user (all devices and browsers): their refresh tokens stop working. */
    public void signOutEverywhere(String userId) {
        call(() -> {
            realm().users().get(userId).logout();
            return null;
        });
    }

    <T> T call(Supplier<T> operation) {
        long started = System.nanoTime();
        String outcome = "refused";
        try {
            T result = operation.get();
            outcome = "ok";
            return result;
        } catch (DomainException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.warnf("Keycloak refused an admin call: HTTP %d", status);
            if (status == 400 || status == 409) {
                throw new DomainException(ErrorCode.CONFLICT, "Keycloak refused the change (HTTP " + status
                        + "): check the user name, e-mail and password policy");
            }
            throw new DomainException(ErrorCode.IDENTITY_UNAVAILABLE, "Keycloak refused the call (HTTP " + status + ")");
        } catch (ProcessingException e) {
            outcome = "unreachable";
            LOG.warnf("Keycloak not reachable: %s", e.getClass().getSimpleName());
            throw new DomainException(ErrorCode.IDENTITY_UNAVAILABLE, "Keycloak is not reachable; nothing was changed");
        } finally {
            meters.keycloakCall(Duration.ofNanos(System.nanoTime() - started), outcome);
        }
    }

    RealmResource realm() {
        return client().realm(realmName());
    }

    private Keycloak client() {
        Keycloak k = keycloak;
        if (k == null) {
            synchronized (this) {
                if (keycloak == null) {
                    String secret = ServerConfig.keycloakServerSecret().orElse(null);
                    if (secret == null) {
                        throw new DomainException(ErrorCode.IDENTITY_UNAVAILABLE,
                                "provisioning is not set up on this server (ALPHA01_KC_SERVER_SECRET)");
                    }
                    // WildFly's RESTEasy client, with timeouts: a slow Keycloak must not hold a request for long.
                    jakarta.ws.rs.client.Client http = jakarta.ws.rs.client.ClientBuilder.newBuilder()
                            .connectTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                            .readTimeout(15, java.util.concurrent.TimeUnit.SECONDS)
                            .register(new org.keycloak.admin.client.JacksonProvider()).build();
                    keycloak = KeycloakBuilder.builder().serverUrl(serverUrl()).realm(realmName())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(CLIENT_ID).clientSecret(secret)
                            .resteasyClient(http).build();
                }
                k = keycloak;
            }
        }
        return k;
    }

    private static String issuer() {
        return ServerConfig.oidcIssuer();
    }

    private static String serverUrl() {
        return issuer().substring(0, issuer().indexOf("/realms/"));
    }

    private static String realmName() {
        return issuer().substring(issuer().indexOf("/realms/") + "/realms/".length());
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
