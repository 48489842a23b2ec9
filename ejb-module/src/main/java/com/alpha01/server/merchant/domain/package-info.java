/** Merchant aggregate: {@code Merchant} and its registered {@code MerchantClient}s. */
package com.alpha01.server.merchant.domain;
