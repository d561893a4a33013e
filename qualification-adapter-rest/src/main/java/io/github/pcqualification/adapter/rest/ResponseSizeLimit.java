package io.github.pcqualification.adapter.rest;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Transport: refuses response bodies larger than a limit without reading them into memory. A declared
 * {@code Content-Length} over the limit fails at once; a chunked body (or one decompressed from gzip)
 * fails as soon as one byte more than the limit has been read. A body whose declared length is within
 * the limit is passed on as it is: OkHttp never reads more than the declared length of it, so counting
 * again would only cost a response copy and a wrapped source on every call (the hot path).
 */
final class ResponseSizeLimit implements Interceptor {

    private final long maxBytes;

    ResponseSizeLimit(long maxBytes) {
        checkArgument(maxBytes > 0, "maxBytes must be positive");
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        long declared = body.contentLength();
        if (declared > maxBytes) {
            response.close();
            throw new ResponseTooLargeException(response.code(), maxBytes, "Content-Length " + declared);
        }
        if (declared >= 0) {
            return response;
        }
        return response.newBuilder().body(new CappedBody(body, response.code(), maxBytes)).build();
    }

    /** A body whose source fails once more than {@code maxBytes} have come through. */
    private static final class CappedBody extends ResponseBody {
        private final ResponseBody delegate;
        private final @Nullable MediaType contentType;
        private final BufferedSource source;

        CappedBody(ResponseBody delegate, int status, long maxBytes) {
            this.delegate = delegate;
            // OkHttp parses the Content-Type header on every call; Retrofit and string() both ask
            this.contentType = delegate.contentType();
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                private long total;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long read = super.read(sink, byteCount);
                    if (read > 0) {
                        total += read;
                        if (total > maxBytes) {
                            throw new ResponseTooLargeException(status, maxBytes, "more bytes than that read");
                        }
                    }
                    return read;
                }
            });
        }

        @Override
        public @Nullable MediaType contentType() {
            return contentType;
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
