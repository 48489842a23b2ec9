/** The merchant client's local data, encrypted at rest (AES-256-GCM), with the key kept out of the folder (desktop keyring, passphrase, or bound to the machine). */
package com.alpha01.client.store;
