/** REST entry points of the merchant context (client registration). */
package com.alpha01.server.merchant.api;
