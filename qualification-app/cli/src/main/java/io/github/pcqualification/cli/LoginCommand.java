package io.github.pcqualification.cli;

import io.github.pcqualification.auth.msal.DeviceCodeLogin;
import io.github.pcqualification.auth.msal.LoginOutcome;
import io.github.pcqualification.auth.msal.TokenCacheFile;
import io.github.pcqualification.domain.model.Printable;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code login}: a person signs in with a device code; later commands with {@code --base-url} use the sign-in. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in to Partner Center as yourself with a device code: open the URL shown in any browser,"
                + " enter the code, sign in (with MFA). The sign-in is kept in a file only you can read"
                + " ($XDG_CONFIG_HOME or ~/.config/pc-qualification/token-cache.json, or PARTNER_CENTER_TOKEN_CACHE),"
                + " and later commands with --base-url use it without asking.",
            "Needs a public client app registration (\"Allow public client flows\"): --client-id or"
                + " PARTNER_CENTER_CLIENT_ID; tenant PARTNER_CENTER_TENANT_ID (default: organizations);"
                + " PARTNER_CENTER_AUTHORITY for another cloud.",
            "Exit 0 when signed in, 5 when the sign-in failed or timed out, 2 for bad settings."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    QualificationCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--client-id", paramLabel = "ID",
            description = "The public client app registration's application id (not a secret); default PARTNER_CENTER_CLIENT_ID.")
    String clientId;

    @Option(names = "--tenant", paramLabel = "TENANT",
            description = "The partner tenant's id or domain; default PARTNER_CENTER_TENANT_ID, else organizations.")
    String tenant;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m", converter = Converters.DurationConverter.class,
            description = "How long to wait for the sign-in, e.g. 15m, 90s (default ${DEFAULT-VALUE}, at most 60m).")
    Duration timeout;

    @Override
    public Integer call() {
        Map<String, String> environment = root.environment();
        String id = Optional.ofNullable(clientId).or(() -> Credentials.value(environment, Credentials.CLIENT_ID))
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "login needs the app registration's"
                        + " client id: --client-id or " + Credentials.CLIENT_ID + " (a public client app with"
                        + " \"Allow public client flows\")"));
        Path cache = Credentials.tokenCache(environment).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no place for the sign-in: set " + Credentials.TOKEN_CACHE + " (or HOME)"));
        DeviceCodeLogin login;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DeviceCodeLogin.Builder builder = DeviceCodeLogin.builder()
                    .clientId(id)
                    .tokenCache(TokenCacheFile.at(cache))
                    .timeout(timeout)
                    .prompt(message -> {
                        err.println(Printable.escapeInvisible(message));
                        err.flush();
                    });
            Optional<URI> authority = Credentials.authority(environment);
            authority.ifPresent(builder::authority);
            Optional.ofNullable(tenant).or(() -> Credentials.value(environment, Credentials.TENANT_ID))
                    .ifPresent(builder::tenant);
            login = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        LoginOutcome outcome = login.signIn();
        return outcome.fold(signedIn -> {
            out.println("Signed in as " + Printable.escapeInvisible(signedIn.username())
                    + (signedIn.tenantId().isEmpty() ? "" : " (tenant " + Printable.escapeInvisible(signedIn.tenantId()) + ")")
                    + "; commands with --base-url now use this sign-in (kept in " + signedIn.tokenCache() + ")");
            return ExitCodes.OK;
        }, failed -> {
            err.println("error: sign-in failed: " + Printable.escapeInvisible(failed.problem().message()));
            err.println("nothing was kept; run `qualification login` again");
            return ExitCodes.AUTHENTICATION;
        });
    }
}
