package com.alpha01.server.identity.infrastructure;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A store's staff accounts as its admins manage them (issue 17's console): the members of the store's Keycloak
 * group, each enabled or not and staff or admin; disable (their sessions end too), enable, and a new temporary
 * password (Keycloak asks them to choose their own at the next sign-in). Only members of the group named are
 * touched; anyone else is "not found". Through {@link KeycloakDirectory}'s admin client and error handling.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    static final int PAGE = 500;

    @Inject
    KeycloakDirectory directory;

    /** A staff account: {@code admin} holds the merchant-admin role; {@code name} is their display name. */
    public record Member(String id, String username, String name, boolean enabled, boolean admin) {
    }

    /** The members of group {@code groupPath}, by user name. */
    public List<Member> members(String groupPath) {
        return directory.call(() -> {
            RealmResource realm = directory.realm();
            GroupRepresentation group = group(realm, groupPath);
            Set<String> admins = paged((first, max) -> realm.roles().get("merchant-admin").getUserMembers(first, max))
                    .stream().map(UserRepresentation::getId).collect(Collectors.toSet());
            return paged((first, max) -> realm.groups().group(group.getId()).members(first, max)).stream()
                    .map(u -> new Member(u.getId(), u.getUsername(), displayName(u), Boolean.TRUE.equals(u.isEnabled()),
                            admins.contains(u.getId())))
                    .sorted(java.util.Comparator.comparing(Member::username)).toList();
        });
    }

    /** Every item of a listing Keycloak answers a page at a time (a page shorter than asked for is the last). */
    static <T> List<T> paged(java.util.function.BiFunction<Integer, Integer, List<T>> page) {
        List<T> all = new java.util.ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<T> got = page.apply(first, PAGE);
            all.addAll(got);
            if (got.size() < PAGE) {
                return all;
            }
        }
    }

    /** Enables or disables member {@code userId} of the group; a disabled one is signed out everywhere. */
    public void setEnabled(String groupPath, String userId, boolean enabled) {
        directory.call(() -> {
            UserResource user = member(directory.realm(), groupPath, userId);
            UserRepresentation u = user.toRepresentation();
            u.setEnabled(enabled);
            user.update(u);
            if (!enabled) {
                user.logout();
            }
            return null;
        });
    }

    /** A new temporary password for member {@code userId} (returned once, never logged); their sessions end. */
    public char[] resetPassword(String groupPath, String userId) {
        return directory.call(() -> {
            UserResource user = member(directory.realm(), groupPath, userId);
            char[] password = temporaryPassword();
            CredentialRepresentation c = new CredentialRepresentation();
            c.setType(CredentialRepresentation.PASSWORD);
            c.setValue(new String(password));
            c.setTemporary(true);
            user.resetPassword(c);
            user.logout();
            return password;
        });
    }

    /** 14 characters with upper and lower case letters and digits (the realm's policy), no look-alikes. */
    static char[] temporaryPassword() {
        String all = UPPER + LOWER + DIGITS;
        char[] p = new char[14];
        p[0] = UPPER.charAt(RANDOM.nextInt(UPPER.length()));
        p[1] = LOWER.charAt(RANDOM.nextInt(LOWER.length()));
        p[2] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        for (int i = 3; i < p.length; i++) {
            p[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        for (int i = p.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static GroupRepresentation group(RealmResource realm, String groupPath) {
        try {
            return realm.getGroupByPath(groupPath);
        } catch (NotFoundException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such shop");
        }
    }

    /** The user, if a member of the group; otherwise "not found" (another shop's staff do not exist here). */
    private static UserResource member(RealmResource realm, String groupPath, String userId) {
        if (userId == null || !userId.matches("[0-9a-fA-F-]{36}")) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such staff member");
        }
        try {
            UserResource user = realm.users().get(userId);
            boolean member = user.groups().stream().anyMatch(g -> groupPath.equals(g.getPath()));
            if (!member) {
                throw new DomainException(ErrorCode.NOT_FOUND, "no such staff member");
            }
            return user;
        } catch (NotFoundException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such staff member");
        }
    }

    private static String displayName(UserRepresentation u) {
        String first = u.getFirstName() == null ? "" : u.getFirstName();
        return first.isBlank() ? u.getUsername() : first;
    }
}
