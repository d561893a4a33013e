package io.github.pcqualification.adapter.rest;

/** The {@code User-Agent} this adapter sends. */
final class UserAgent {

    private UserAgent() {}

    /**
     * {@code pc-qualification-java/<version> (Java <version>; <os>)}: who is calling, for the service's logs and
     * support. Every part is cut to visible ASCII without the comment's delimiters, since a header value that is
     * not would make OkHttp refuse the request.
     */
    static String of(String version, String javaVersion, String os) {
        return "pc-qualification-java/" + token(version) + " (Java " + token(javaVersion) + "; " + comment(os) + ")";
    }

    private static String token(String part) {
        String kept = part.codePoints().filter(c -> c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.isEmpty() ? "unknown" : kept;
    }

    private static String comment(String part) {
        String kept = part.codePoints().map(c -> c >= 0x20 && c < 0x7F && "();\\".indexOf(c) < 0 ? c : ' ')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .strip().replaceAll(" {2,}", " ");
        return kept.isEmpty() ? "unknown" : kept;
    }
}
