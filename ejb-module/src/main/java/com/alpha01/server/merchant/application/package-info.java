/** Use cases of the merchant context: resolving a staff member's merchant, registering clients. */
package com.alpha01.server.merchant.application;
