/** REST entry points of the merchant context: client registration, provisioning, staff, the shop's welcome line. */
package com.alpha01.server.merchant.api;
