/** Use cases of the merchant context: resolving a staff member's merchant, registering clients, the shop's welcome line. */
package com.alpha01.server.merchant.application;
