/**
 * The assistant: a LangChain4j {@code AiServices} agent over ZhipuAI GLM (streamed answers, per-conversation
 * memory, retrieval over the knowledge base, tools that delegate to the shop's services), its retries and
 * daily token budget, and the degraded answers it falls back to (extractive from the knowledge base, or a
 * hand-off to staff). {@link com.alpha01.client.ai.AnswerService} is what the app calls.
 */
package com.alpha01.client.ai;
