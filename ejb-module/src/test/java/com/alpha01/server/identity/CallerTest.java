package com.alpha01.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller withGroups(String... groups) {
        return new Caller("sub", "user", "User", Set.of("merchant-staff"), List.of(groups));
    }

    @Test
    void merchant_is_the_first_direct_child_of_merchants() {
        assertEquals(Optional.of("demo-shop"), withGroups("/staff", "/merchants/demo-shop").merchantCode());
    }

    @Test
    void nested_or_empty_merchant_groups_do_not_count() {
        assertTrue(withGroups("/merchants/", "/merchants/a/b", "/other/x").merchantCode().isEmpty());
        assertTrue(withGroups().merchantCode().isEmpty());
    }

    @Test
    void chain_is_the_first_direct_child_of_chains_and_separate_from_the_merchant() {
        Caller chainAdmin = withGroups("/chains/alpha-chain", "/chains/alpha-chain/x");
        assertEquals(Optional.of("alpha-chain"), chainAdmin.chainCode());
        assertTrue(chainAdmin.merchantCode().isEmpty());
        assertTrue(withGroups("/merchants/demo-shop").chainCode().isEmpty());
    }
}
