/**
 * Starting the desktop app: the launcher ({@code main}: one instance per user, the encrypted store,
 * the window), and {@link com.alpha01.client.app.MerchantApp}, the coordinator that builds the
 * other rooms (session, answering, ui, screens) and runs the periodic jobs; the update check.
 */
package com.alpha01.client.app;
