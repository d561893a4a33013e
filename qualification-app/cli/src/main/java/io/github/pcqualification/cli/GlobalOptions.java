package io.github.pcqualification.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Options accepted before or after the subcommand. Mixed into the top command and every subcommand;
 * a value given after the subcommand wins.
 */
final class GlobalOptions {

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Partner Center base URL, e.g. https://api.partnercenter.microsoft.com. "
                    + "Without it, the embedded fake with demo data is used. Needs credentials from the environment:"
                    + " PARTNER_CENTER_TOKEN, or PARTNER_CENTER_TENANT_ID, _CLIENT_ID, _CLIENT_SECRET (and"
                    + " _REFRESH_TOKEN for updates), or a sign-in kept by 'login'.")
    URI baseUrl;

    @Option(names = "--json", description = "Print one JSON object per result instead of text.")
    boolean json;

    @Option(names = "--application-name", paramLabel = "NAME",
            description = "Sent as MS-PartnerCenter-Application.")
    String applicationName;

    @Option(names = "--http-log", description = "Log every request and answer on stderr (Authorization redacted).")
    boolean httpLog;

    @Option(names = "--metrics",
            description = "At the end, print a summary on stderr: calls by outcome, attempts and retries, throttled"
                    + " waits and their time, latency p50/p95/max.")
    boolean metrics;

    /** This command's options, falling back to the top command's for what was not given here. */
    GlobalOptions over(GlobalOptions outer) {
        GlobalOptions merged = new GlobalOptions();
        merged.baseUrl = baseUrl != null ? baseUrl : outer.baseUrl;
        merged.json = json || outer.json;
        merged.applicationName = applicationName != null ? applicationName : outer.applicationName;
        merged.httpLog = httpLog || outer.httpLog;
        merged.metrics = metrics || outer.metrics;
        return merged;
    }
}
