package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The size limit on a scripted chain, no network: what it passes on untouched, what it refuses (closing what it
 * refuses), and a chunked body of exactly the limit, read to its end.
 */
class ResponseSizeLimitUnitTest {

    private static final Request REQUEST = new Request.Builder().url("https://127.0.0.1/v1").build();

    /** A body that declares {@code declared} bytes (-1: unknown, as chunked) and remembers being closed. */
    private static final class ScriptedBody extends ResponseBody {
        private final Buffer content;
        private final long declared;
        boolean closed;

        ScriptedBody(String content, long declared) {
            this.content = new Buffer().writeUtf8(content);
            this.declared = declared;
        }

        @Override
        public @Nullable MediaType contentType() {
            return null;
        }

        @Override
        public long contentLength() {
            return declared;
        }

        @Override
        public BufferedSource source() {
            return content;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Response response(@Nullable ResponseBody body) {
        return new Response.Builder().request(REQUEST).protocol(Protocol.HTTP_1_1).code(200).message("OK").body(body)
                .build();
    }

    /** A chain whose only answer is {@code response}. */
    private static Interceptor.Chain answering(Response response) {
        return new Interceptor.Chain() {
            @Override
            public Request request() {
                return REQUEST;
            }

            @Override
            public Response proceed(Request request) {
                return response;
            }

            @Override
            public @Nullable Connection connection() {
                return null;
            }

            @Override
            public Call call() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int connectTimeoutMillis() {
                return 0;
            }

            @Override
            public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
                return this;
            }

            @Override
            public int readTimeoutMillis() {
                return 0;
            }

            @Override
            public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
                return this;
            }

            @Override
            public int writeTimeoutMillis() {
                return 0;
            }

            @Override
            public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
                return this;
            }
        };
    }

    @Test
    void aLimitBelowOneByte_isRefused_andOneByteIsALimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ResponseSizeLimit(0))
                .withMessage("maxBytes must be positive");

        ResponseSizeLimit oneByte = new ResponseSizeLimit(1);

        assertThat(oneByte).isNotNull();
    }

    @Test
    void anAnswerWithoutABody_isPassedOnAsItIs() throws IOException {
        Response bodiless = response(null);

        Response passed = new ResponseSizeLimit(10).intercept(answering(bodiless));

        assertThat(passed).isSameAs(bodiless);
    }

    @Test
    void anEmptyBodyThatDeclaresItsLength_isPassedOnAsItIs() throws IOException {
        Response empty = response(new ScriptedBody("", 0));

        Response passed = new ResponseSizeLimit(10).intercept(answering(empty));

        assertThat(passed).isSameAs(empty);
    }

    @Test
    void aDeclaredLengthOverTheLimit_isRefused_andTheAnswerClosed() {
        ScriptedBody body = new ScriptedBody("0123456789", 10);

        assertThatThrownBy(() -> new ResponseSizeLimit(9).intercept(answering(response(body))))
                .isInstanceOf(ResponseTooLargeException.class);
        assertThat(body.closed).as("the refused answer is closed, so its connection is not leaked").isTrue();
    }

    @Test
    void aChunkedBodyOfExactlyTheLimit_isReadToItsEnd() throws IOException {
        Response chunked = response(new ScriptedBody("abcde", -1));

        Response passed = new ResponseSizeLimit(5).intercept(answering(chunked));

        BufferedSource source = passed.body().source();
        assertThat(source.readUtf8(5)).isEqualTo("abcde");
        assertThat(source.exhausted()).isTrue();
    }

    @Test
    void aChunkedBodyOneByteOverTheLimit_failsWhileItIsRead() throws IOException {
        Response chunked = response(new ScriptedBody("abcdef", -1));

        Response passed = new ResponseSizeLimit(5).intercept(answering(chunked));

        assertThatThrownBy(() -> passed.body().source().readUtf8(6)).isInstanceOf(ResponseTooLargeException.class);
    }
}
