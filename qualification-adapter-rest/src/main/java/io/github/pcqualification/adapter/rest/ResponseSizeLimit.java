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
 * {@code Content-Length} over the limit fails at once; a chunked (or lying) body fails as soon as one
 * byte more than the limit has been read.
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
        return response.newBuilder().body(new CappedBody(body, response.code(), maxBytes)).build();
    }

    /** A body whose source fails once more than {@code maxBytes} have come through. */
    private static final class CappedBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        CappedBody(ResponseBody delegate, int status, long maxBytes) {
            this.delegate = delegate;
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
            return delegate.contentType();
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
