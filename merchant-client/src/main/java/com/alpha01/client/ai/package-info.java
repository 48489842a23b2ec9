/** The assistant: LangChain4j over ZhipuAI GLM with retrieval and tools, and its offline fallback. */
package com.alpha01.client.ai;
