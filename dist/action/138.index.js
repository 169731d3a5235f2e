export const id = 138;
export const ids = [138];
export const modules = {

/***/ 138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createAzureProvider: () => (/* binding */ createAzureProvider),
  createChatCompletionsProvider: () => (/* binding */ createChatCompletionsProvider),
  createStreamingOpenAiProvider: () => (/* binding */ createStreamingOpenAiProvider),
  toCallFailure: () => (/* binding */ toCallFailure)
});

// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 152 modules
var openai = __webpack_require__(3674);
// EXTERNAL MODULE: ./src/runner/retry.ts + 1 modules
var retry = __webpack_require__(6297);
// EXTERNAL MODULE: ./src/providers/call-errors.ts + 1 modules
var call_errors = __webpack_require__(9603);
// EXTERNAL MODULE: ./src/providers/http-fetch.ts
var http_fetch = __webpack_require__(621);
// EXTERNAL MODULE: ./src/providers/openai.ts
var providers_openai = __webpack_require__(8238);
// EXTERNAL MODULE: ./src/providers/reasoning.ts
var providers_reasoning = __webpack_require__(3242);
// EXTERNAL MODULE: ./src/providers/usage.ts
var providers_usage = __webpack_require__(2629);
;// CONCATENATED MODULE: ./src/providers/openai-stream.ts
// Streamed chat completions: the answer read chunk by chunk, with the time to first token and the
// output speed, and the usage counted locally when the server sends none.





/**
 * Reads a chat completion stream to its end. The thinking text (`delta.reasoning_content`, or
 * `delta.reasoning` as Ollama and OpenRouter name it, or a leading `<think>` block) is kept apart from
 * the answer. A stream that ends without a `finish_reason` broke off, and fails as transient, like a
 * connection error or an unreadable chunk; the `openai` package ends such a stream without an error.
 */
async function readStream(stream, context) {
    const state = { content: '', reasoning: '', finishReason: null, usage: null, ttftMs: null, textChunks: 0 };
    try {
        for await (const chunk of stream)
            addChunk(state, chunk, context.started);
    }
    catch (error) {
        throw streamFailure(error, context);
    }
    const latencyMs = performance.now() - context.started;
    const aborted = (0,call_errors/* abortFailure */.P1)(context.signals);
    if (aborted)
        throw aborted;
    if (state.finishReason === null) {
        throw new retry/* CallFailure */.Rk('the stream ended before the answer was complete (no finish_reason); the connection probably broke off', { transient: true });
    }
    const { answer, reasoning } = (0,providers_reasoning/* separateReasoning */.GA)(state.content, state.reasoning);
    const usage = (0,providers_usage/* readOpenAiUsage */.g)(state.usage) ?? (await (0,providers_usage/* estimateUsage */.O)(context.messages, answer, reasoning));
    return {
        output: answer,
        reasoning,
        usage,
        finishReason: state.finishReason,
        latencyMs,
        ttftMs: state.ttftMs,
        tokensPerSecond: outputSpeed(usage.completion_tokens, latencyMs, state.ttftMs, state.textChunks),
        error: null,
    };
}
function addChunk(state, chunk, started) {
    if (chunk.usage)
        state.usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice)
        return;
    const delta = (choice.delta ?? {});
    const content = typeof delta.content === 'string' ? delta.content : '';
    const reasoning = (0,providers_reasoning/* reasoningField */.lq)(delta) ?? '';
    if (content !== '' || reasoning !== '') {
        state.ttftMs ??= performance.now() - started;
        state.textChunks += 1;
    }
    state.content += content;
    state.reasoning += reasoning;
    if (choice.finish_reason)
        state.finishReason = choice.finish_reason;
}
/**
 * Output speed in completion tokens per second after the first token:
 * completion tokens / (latency − time to first token). Null when the text came in fewer than two
 * chunks, since one arrival time measures no speed, or when no token or no time is left to divide.
 * NOTE: a server or proxy that buffers the stream delivers every chunk at once, which shows as an
 * unrealistically high speed.
 */
function outputSpeed(completionTokens, latencyMs, ttftMs, textChunks) {
    if (ttftMs === null || textChunks < 2 || completionTokens <= 0)
        return null;
    const seconds = (latencyMs - ttftMs) / 1000;
    return seconds > 0 ? completionTokens / seconds : null;
}
/** Classifies a failure while a stream is read. Every one is transient: an error event, a broken connection, a bad chunk. */
function streamFailure(error, context) {
    const aborted = (0,call_errors/* abortFailure */.P1)(context.signals);
    if (aborted)
        return aborted;
    if (error instanceof retry/* CallFailure */.Rk)
        return error;
    if (error instanceof openai/* default.APIError */.Ay.APIError) {
        return new retry/* CallFailure */.Rk((0,call_errors/* cleanMessage */.V8)(`the stream sent an error: ${error.message}`, context.apiKey), { transient: true });
    }
    const failure = (0,call_errors/* transportFailure */.qO)(error, context.apiKey);
    return failure.transient ? failure : new retry/* CallFailure */.Rk(`the stream broke off: ${failure.message}`, { transient: true });
}

// EXTERNAL MODULE: ./src/providers/unsupported-parameter.ts
var unsupported_parameter = __webpack_require__(3267);
;// CONCATENATED MODULE: ./src/providers/openai-client.ts
// The providers that go through the `openai` package: streamed OpenAI-compatible models and Azure
// OpenAI. This module is loaded only when a config has such a model, so that other runs do not pay
// for loading the package at start-up.







/** Creates the provider of a streamed OpenAI-compatible model, whose event stream the package reads. */
function createStreamingOpenAiProvider(model, options) {
    const client = new openai/* default */.Ay({
        baseURL: model.baseUrl,
        // Local servers often need no key; the package insists on one, so send a placeholder.
        apiKey: options.apiKey ?? 'no-key',
        timeout: options.timeoutS * 1000,
        maxRetries: 0,
        // Every error is classified and reported by the runner; the package's own console log would repeat it.
        logLevel: 'off',
        fetch: http_fetch/* httpFetch */.t,
    });
    return createChatCompletionsProvider(client, model, options);
}
/**
 * Calls an Azure OpenAI deployment: `POST {endpoint}/openai/deployments/{deployment}/chat/completions
 * ?api-version={api_version}` with the key in the `api-key` header, through the package's
 * AzureOpenAI client. Requests, streaming, responses and errors are those of the OpenAI provider.
 */
function createAzureProvider(model, options) {
    const client = new openai/* AzureOpenAI */.AC({
        // baseURL is given rather than `endpoint`, so that an OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT
        // in the environment never changes where requests go.
        baseURL: `${model.endpoint.replace(/\/+$/, '')}/openai`,
        deployment: model.deployment,
        apiVersion: model.apiVersion,
        // The config check requires api_key_env for Azure; the placeholder only keeps the client from
        // reading AZURE_OPENAI_API_KEY when the variable is empty.
        apiKey: options.apiKey || 'no-key',
        timeout: options.timeoutS * 1000,
        maxRetries: 0,
        logLevel: 'off',
        fetch: http_fetch/* httpFetch */.t,
    });
    return createChatCompletionsProvider(client, model, options);
}
/**
 * Sends each request through a configured client of the chat-completions API (a streamed
 * OpenAI-compatible model, or Azure OpenAI): streamed with `stream_options.include_usage` when the
 * model sets `stream`, else as one response.
 */
function createChatCompletionsProvider(client, model, options) {
    return {
        async complete(request) {
            const signals = (0,call_errors/* callSignals */.gW)(request.signal, options.timeoutS);
            const params = model.params;
            const body = { ...params, model: model.model, messages: request.messages };
            const started = performance.now();
            try {
                if (model.stream) {
                    const streamOptions = { ...params['stream_options'], include_usage: true };
                    const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: streamOptions }, { signal: signals.combined });
                    return await readStream(stream, { started, messages: request.messages, signals, apiKey: options.apiKey });
                }
                const response = await client.chat.completions.create({ ...body, stream: false }, { signal: signals.combined });
                return (0,providers_openai/* readChoice */.K)(response, performance.now() - started);
            }
            catch (error) {
                throw toCallFailure(error, signals, options.apiKey);
            }
            finally {
                signals.dispose();
            }
        },
    };
}
/**
 * Classifies an error of the `openai` package: cancelled or timed out, HTTP status (a 400 that
 * rejects a field of `params` stops the model), connection, or unreadable body.
 */
function toCallFailure(error, signals, apiKey) {
    if (error instanceof retry/* CallFailure */.Rk)
        return error;
    const aborted = (0,call_errors/* abortFailure */.P1)(signals);
    if (aborted)
        return aborted;
    if (error instanceof openai/* default.APIConnectionTimeoutError */.Ay.APIConnectionTimeoutError) {
        return new retry/* CallFailure */.Rk(`request timed out after ${signals.timeoutS} s`, { transient: true });
    }
    if (error instanceof openai/* default.APIConnectionError */.Ay.APIConnectionError) {
        const cause = error.cause instanceof Error ? (0,call_errors/* connectionDetail */.O)(error.cause) : error.message;
        return new retry/* CallFailure */.Rk((0,call_errors/* cleanMessage */.V8)(`connection failed: ${cause}`, apiKey), { transient: true, connection: true });
    }
    if (error instanceof openai/* default.APIError */.Ay.APIError && error.status !== undefined) {
        return statusFailure(error, apiKey);
    }
    return (0,call_errors/* transportFailure */.qO)(error, apiKey);
}
function statusFailure(error, apiKey) {
    const status = error.status;
    // The package's message starts with the status ("400 Unsupported parameter ..."); it is shown once.
    const text = error.message.startsWith(`${status} `) ? error.message.slice(`${status} `.length) : error.message;
    const message = (0,call_errors/* cleanMessage */.V8)(text, apiKey);
    const configError = (0,unsupported_parameter/* unsupportedParameterFailure */.j)({ status, message, param: error.param, code: error.code });
    if (configError)
        return configError;
    return new retry/* CallFailure */.Rk(`HTTP ${status}: ${message}`, { transient: (0,retry/* isTransientStatus */.Dm)(status), status, retryAfterMs: (0,retry/* retryAfterMs */.Vs)(error.headers) });
}


/***/ })

};
