/** A small local FAQ that answers customers until the local AI (LangChain4j) replaces it. */
package com.alpha01.client.faq;
