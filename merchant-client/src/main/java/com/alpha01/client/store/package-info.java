/** The merchant client's local data, encrypted at rest (AES-256-GCM), with the key kept out of the folder. */
package com.alpha01.client.store;
