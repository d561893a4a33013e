package io.github.pcqualification.adapter.rest;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * One request and its answer: the body read strictly, every token sent lately cut out of it, and the answer
 * classified once by {@link ErrorTranslation}, except a {@code 401}, which goes back to {@link Authorizing}.
 */
final class Exchange {

    /** The one status read here: the token was refused, which {@link Authorizing} handles. */
    private static final int UNAUTHORIZED = 401;

    private final ErrorTranslation translation;
    private final Tokens tokens;
    private volatile Compiled compiled;

    Exchange(ErrorTranslation translation, Tokens tokens) {
        this.translation = translation;
        this.tokens = tokens;
    }

    /** How a successful answer's body becomes this operation's outcome. */
    @FunctionalInterface
    interface SuccessReader<O> {
        O read(int status, String body);
    }

    /**
     * One request: a {@code 401} is kept apart for {@link Authorizing}; every other answer, and no answer, becomes
     * this operation's outcome here, classified once.
     */
    <O extends Outcome> Authorizing.Sent<O> send(String token, Call<ResponseBody> call,
            OperationContext context, SuccessReader<O> onSuccess, OutcomeFamily<O> family) {
        try {
            Response<ResponseBody> response = call.execute();
            Redaction redaction = sent(token);
            if (response.isSuccessful()) {
                try (ResponseBody body = response.body()) {
                    byte[] bytes = body == null ? new byte[0] : body.bytes();
                    // read once: every call of contentType() parses the header again
                    okhttp3.MediaType type = body == null ? null : body.contentType();
                    java.nio.charset.Charset charset = type == null ? StandardCharsets.UTF_8
                            : type.charset(StandardCharsets.UTF_8);
                    Optional<String> text = strict(bytes, charset);
                    if (text.isEmpty()) {
                        return new Authorizing.Sent.Answered<>(family.of(translation.malformed(response.code(),
                                new String(bytes, charset), "a body in valid " + charset.name()
                                        + " (UTF-8 unless declared)", context, redaction)));
                    }
                    return new Authorizing.Sent.Answered<>(onSuccess.read(response.code(), redaction.apply(text.get())));
                }
            }
            String text;
            try (ResponseBody errorBody = response.errorBody()) {
                text = errorBody == null ? "" : errorBody.string();
            }
            if (response.code() == UNAUTHORIZED) {
                return new Authorizing.Sent.Unauthorized<>(translation.detail(UNAUTHORIZED, redaction.apply(text),
                        redaction));
            }
            return new Authorizing.Sent.Answered<>(family.of(translation.fromStatus(response.code(),
                    response.headers().get("Retry-After"), text, context, redaction)));
        } catch (IOException e) {
            return new Authorizing.Sent.Answered<>(family.of(translation.fromTransport(e, context)));
        }
    }

    /**
     * The text, if {@code bytes} are valid in {@code charset} (UTF-8 unless the answer declares another): a
     * replacement character would stand for something the service sent that nobody can read.
     */
    static Optional<String> strict(byte[] bytes, java.nio.charset.Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The token of this request and every token sent lately (an answer may echo an earlier request), in any form.
     * Compiling those patterns costs more than the rest of a call, and the tokens rarely change: the last
     * redaction is kept and reused while they are the same.
     */
    private Redaction sent(String token) {
        List<String> all = new ArrayList<>(tokens.recent());
        all.add(token);
        Compiled last = compiled;
        if (last != null && last.tokens().equals(all)) {
            return last.redaction();
        }
        Redaction redaction = Redaction.of(all);
        compiled = new Compiled(List.copyOf(all), redaction);
        return redaction;
    }

    /** A redaction and the tokens it was compiled for. */
    private record Compiled(List<String> tokens, Redaction redaction) {}
}
