package com.alpha01.client.ai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Retries a streaming model call with exponential back-off, as long as nothing has been streamed yet (a
 * retry after the first token would repeat text to the customer). The ZhipuAI streaming model has no retries of
 * its own. Also drops the empty and null partials the ZhipuAI module passes on for chunks without content (a
 * tool-call chunk, the thinking chunks of GLM-4.5 and later), and repairs the final text, to which the module
 * appends the word "null" for each such chunk: the answer is what was streamed. The listeners (token budget) see
 * each logical call once.
 */
final class RetryingStreamingModel implements StreamingChatModel {

    private static final Logger LOG = Logger.getLogger(RetryingStreamingModel.class);

    private final StreamingChatModel delegate;
    private final RetryPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final List<ChatModelListener> listeners;

    RetryingStreamingModel(StreamingChatModel delegate, RetryPolicy policy, ScheduledExecutorService scheduler,
                           List<ChatModelListener> listeners) {
        this.delegate = delegate;
        this.policy = policy;
        this.scheduler = scheduler;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        attempt(request, handler, 1);
    }

    private void attempt(ChatRequest request, StreamingChatResponseHandler handler, int number) {
        Attempt attempt = new Attempt(request, handler, number);
        try {
            delegate.doChat(request, attempt);
        } catch (RuntimeException e) {
            attempt.onError(e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return listeners;
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    private final class Attempt implements StreamingChatResponseHandler {
        private final ChatRequest request;
        private final StreamingChatResponseHandler handler;
        private final int number;
        private final StringBuffer streamed = new StringBuffer();

        Attempt(ChatRequest request, StreamingChatResponseHandler handler, int number) {
            this.request = request;
            this.handler = handler;
            this.number = number;
        }

        @Override
        public void onPartialResponse(String text) {
            if (text != null && !text.isEmpty()) {
                streamed.append(text);
                handler.onPartialResponse(text);
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            AiMessage message = response.aiMessage();
            if (message != null && !message.hasToolExecutionRequests() && !streamed.toString().equals(message.text())) {
                response = response.toBuilder().aiMessage(AiMessage.from(streamed.toString())).build();
            }
            handler.onCompleteResponse(response);
        }

        @Override
        public void onError(Throwable error) {
            if (!streamed.isEmpty() || number >= policy.maxAttempts() || !ModelErrors.retryable(error)) {
                handler.onError(error);
                return;
            }
            long delay = policy.delayBefore(number + 1).toMillis();
            LOG.infof("Model call failed (%s); attempt %d of %d in %d ms", ModelErrors.describe(error), number + 1,
                    policy.maxAttempts(), delay);
            try {
                scheduler.schedule(() -> attempt(request, handler, number + 1), delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException rejected) {
                handler.onError(error);
            }
        }
    }
}
