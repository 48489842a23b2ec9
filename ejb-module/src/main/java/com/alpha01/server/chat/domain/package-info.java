/** {@code Conversation} (owns the per-conversation sequence) and {@code ChatMessage}. */
package com.alpha01.server.chat.domain;
