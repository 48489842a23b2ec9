package com.alpha01.server.merchant.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.infrastructure.KeycloakAccounts;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A store's staff as its admins manage them from the web console (issue 17): list, add, disable, enable, and
 * a temporary password. Who may: {@link StoreAccess#managedShop}. A merchant admin adds staff; chain and
 * platform admins may add store admins too. Nobody disables their own account here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoreStaff {

    private static final Logger LOG = Logger.getLogger(StoreStaff.class);

    @Inject
    StoreAccess access;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    Provisioning provisioning;

    /** A staff account of the store: {@code admin} when it is a store admin. */
    public record Member(String id, String username, String name, boolean enabled, boolean admin) {
    }

    public List<Member> list(Caller caller, String store) {
        return accounts.members(group(access.managedShop(caller, store))).stream()
                .map(m -> new Member(m.id(), m.username(), m.name(), m.enabled(), m.admin())).toList();
    }

    /** Adds a staff account (a store admin when {@code admin} and the caller runs chains or the platform); its id. */
    public String add(Caller caller, String store, String username, String email, char[] password, boolean admin) {
        Merchant m = access.managedShop(caller, store);
        boolean mayAddAdmins = caller.hasRole("chain-admin") || caller.hasRole("platform-admin");
        if (admin && !mayAddAdmins) {
            throw new DomainException(ErrorCode.FORBIDDEN, "a store admin adds staff; chain and platform admins add admins");
        }
        return provisioning.createStaff(m.code(), username, email, password, admin);
    }

    public void setEnabled(Caller caller, String store, String userId, boolean enabled) {
        Merchant m = access.managedShop(caller, store);
        if (!enabled && caller.subject().equals(userId)) {
            throw new DomainException(ErrorCode.CONFLICT, "you cannot disable your own account");
        }
        accounts.setEnabled(group(m), userId, enabled);
        LOG.infof("A staff account of store %s was %s by an admin", m.code(), enabled ? "enabled" : "disabled");
    }

    /** A new temporary password for the member (shown once to the admin; the member picks their own at sign-in). */
    public char[] resetPassword(Caller caller, String store, String userId) {
        Merchant m = access.managedShop(caller, store);
        char[] password = accounts.resetPassword(group(m), userId);
        LOG.infof("A staff account of store %s got a temporary password from an admin", m.code());
        return password;
    }

    private static String group(Merchant m) {
        return Caller.MERCHANT_GROUP_PREFIX + m.code();
    }
}
