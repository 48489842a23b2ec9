/** Conversations between customers and merchants: storing, sequencing and routing messages. */
package com.alpha01.server.chat;
