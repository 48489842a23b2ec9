/** Merchants (shops) and the merchant clients (desktop apps) registered for them. */
package com.alpha01.server.merchant;
