package com.alpha01.server.merchant.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.infrastructure.KeycloakDirectory;
import com.alpha01.server.merchant.domain.Chain;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.infrastructure.ChainRepository;
import com.alpha01.server.merchant.infrastructure.MerchantRepository;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.privacy.Masking;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Creates store chains, merchants and staff accounts: Keycloak first (groups, users, roles; each
 * step idempotent), then the database in this transaction. Calling again with the same codes and
 * user names changes nothing; when Keycloak fails, nothing is written here.
 */
@Stateless
public class Provisioning {

    private static final Logger LOG = Logger.getLogger(Provisioning.class);
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,49}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{3,100}");

    @Inject
    ChainRepository chains;

    @Inject
    MerchantRepository merchants;

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    MerchantDirectory directory;

    /** What a call made or found. */
    public record Outcome(String code, String name, String chainCode) {
    }

    /** A store of a chain, as its chain admin sees it. */
    public record Store(UUID merchantId, String code, String name) {
    }

    public Outcome createChain(String code, String name) {
        checkCode(code);
        String display = checkName(name);
        keycloak.ensureGroup("/chains", code, Map.of("displayName", List.of(display)));
        chains.find(code).ifPresentOrElse(chain -> chain.rename(display), () -> {
            chains.add(new Chain(code, display, Instant.now()));
            LOG.infof("Chain %s created", code);
        });
        return new Outcome(code, display, code);
    }

    public Outcome createMerchant(String code, String name, String chainCode) {
        checkCode(code);
        String display = checkName(name);
        if (chainCode != null && chains.find(chainCode).isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such chain");
        }
        keycloak.ensureGroup("/merchants", code, chainCode == null ? Map.of("displayName", List.of(display))
                : Map.of("displayName", List.of(display), "chain", List.of(chainCode)));
        Merchant merchant = directory.findByCode(code).orElseGet(() -> {
            Merchant m = new Merchant(code, display, Instant.now());
            merchants.add(m);
            LOG.infof("Merchant %s created%s", code, chainCode == null ? "" : " in chain " + chainCode);
            return m;
        });
        merchant.describe(display, chainCode);
        return new Outcome(code, display, chainCode);
    }

    /** A staff account of merchant {@code merchantCode}; {@code admin} adds the merchant-admin role. */
    public String createStaff(String merchantCode, String username, String email, char[] password, boolean admin) {
        Merchant merchant = directory.findByCode(merchantCode)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such merchant"));
        checkUser(username, email);
        String id = keycloak.ensureUser(username, email, password,
                admin ? Set.of("merchant-staff", "merchant-admin") : Set.of("merchant-staff"),
                Caller.MERCHANT_GROUP_PREFIX + merchant.code());
        LOG.infof("Staff %s of merchant %s ready", Masking.mask(username), merchant.code());
        return id;
    }

    /** A chain admin of chain {@code chainCode}: one sign-on for all its stores. */
    public String createChainAdmin(String chainCode, String username, String email, char[] password) {
        if (chains.find(chainCode).isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such chain");
        }
        checkUser(username, email);
        String id = keycloak.ensureUser(username, email, password, Set.of("chain-admin"),
                Caller.CHAIN_GROUP_PREFIX + chainCode);
        LOG.infof("Chain admin %s of chain %s ready", Masking.mask(username), chainCode);
        return id;
    }

    /** A merchant admin invites a colleague into their own merchant (staff role only). */
    public String inviteStaff(Caller merchantAdmin, String username, String email, char[] password) {
        Merchant merchant = directory.merchantOf(merchantAdmin);
        return createStaff(merchant.code(), username, email, password, false);
    }

    /** The stores of the caller's chain (Keycloak's view brought in first). 403 outside any chain. */
    public List<Store> chainMerchants(Caller chainAdmin) {
        String chain = chainAdmin.chainCode()
                .orElseThrow(() -> new DomainException(ErrorCode.FORBIDDEN, "the caller manages no chain"));
        directory.syncFromKeycloak();
        return directory.ofChain(chain).stream().map(m -> new Store(m.id(), m.code(), m.name())).toList();
    }

    private static void checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new DomainException(ErrorCode.BAD_FRAME, "code: 2-50 characters of a-z, 0-9 and '-'");
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new DomainException(ErrorCode.BAD_FRAME, "name: 1-200 characters");
        }
        return name.strip();
    }

    private static void checkUser(String username, String email) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new DomainException(ErrorCode.BAD_FRAME, "username: 3-100 characters of letters, digits and ._@+-");
        }
        if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new DomainException(ErrorCode.BAD_FRAME, "email is not an e-mail address");
        }
    }
}
