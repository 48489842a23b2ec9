/** The shop's knowledge base: documents imported, split, embedded in-process and searched, kept encrypted. */
package com.alpha01.client.kb;
