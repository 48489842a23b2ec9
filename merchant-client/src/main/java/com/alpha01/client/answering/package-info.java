/**
 * What happens when a customer message reaches the shop PC: {@link com.alpha01.client.answering.AutoResponder}
 * takes it from the link, shows it, asks the shop's automation rules, then the local assistant
 * ({@link com.alpha01.client.answering.LocalAi}: knowledge base, model, token budget, follow-ups)
 * or the built-in FAQ, and sends the answer back over the link; what rules do is in
 * {@link com.alpha01.client.answering.AutomationActions}.
 */
package com.alpha01.client.answering;
