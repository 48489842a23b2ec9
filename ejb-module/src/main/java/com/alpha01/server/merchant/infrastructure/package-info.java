/**
 * Storage of the merchant context: one JPA repository per aggregate (merchants, their clients,
 * store chains), so that the application services read as use cases.
 */
package com.alpha01.server.merchant.infrastructure;
