package io.github.pcqualification.cli;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.LibraryVersion;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * The command-line tool: update and read customer qualifications, on Partner Center or on the
 * embedded fake. Exit codes are {@link ExitCodes}.
 */
@Command(name = "qualification",
        mixinStandardHelpOptions = true,
        versionProvider = QualificationCli.Version.class,
        description = "Sets and reads Partner Center customer qualifications.%n"
                + "Without --base-url it runs on an embedded fake with demo data (no network, no token).",
        subcommands = {UpdateCommand.class, GetCommand.class, CodesCommand.class, BulkCommand.class, ServeFakeCommand.class,
            LoginCommand.class, LogoutCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":success (updated, unchanged, found, listed)",
            ExitCodes.UNEXPECTED + ":unexpected failure (a bug)",
            ExitCodes.INVALID + ":invalid input or usage (nothing sent)",
            ExitCodes.REJECTED + ":rejected by a rule or by the service (including not found)",
            ExitCodes.UNAVAILABLE + ":unavailable (transport, timeout, 5xx, throttled) after retries; or disk full or out"
                    + " of memory mid-run",
            ExitCodes.AUTHENTICATION + ":authentication failed (no usable token, App-only token for an update, token"
                    + " refused, sign-in failed)"})
public final class QualificationCli {

    /** {@code --version}: the version the build stamped, and the Java running the tool. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"qualification " + LibraryVersion.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** The environment variable a bearer token is read from; no secret is ever a command-line flag. */
    public static final String TOKEN_VARIABLE = Credentials.TOKEN;

    @Mixin
    GlobalOptions global;

    private final Map<String, String> environment;
    private final Supplier<InMemoryPartnerCenter> fakeFactory;
    private PrintWriter out;
    private PrintWriter err;
    private boolean terminal;
    private CallMetrics metrics;
    private ServeFakeCommand.StopSignal stopSignal = ServeFakeCommand.StopSignal::signalOrTtl;

    QualificationCli(Map<String, String> environment, Supplier<InMemoryPartnerCenter> fakeFactory) {
        this.environment = Map.copyOf(environment);
        this.fakeFactory = fakeFactory;
    }

    /**
     * Runs the tool on the standard streams and exits with its exit code; without {@code --base-url} it works
     * on the embedded fake with the demo data.
     *
     * @param args the command line, as the README describes it
     */
    public static void main(String[] args) {
        boolean httpLog = java.util.Arrays.asList(args).contains("--http-log");
        if (httpLog) {
            // Before SLF4J starts: the REST adapter logs each exchange at debug level on this logger.
            System.setProperty("org.slf4j.simpleLogger.log.io.github.pcqualification.adapter.rest.http", "debug");
        }
        // The tool owns its JVM: serve-fake answers kept-alive calls without Nagle's 40 ms (a library must not set this).
        if (System.getProperty(FakePartnerCenterServer.NODELAY_PROPERTY) == null) {
            System.setProperty(FakePartnerCenterServer.NODELAY_PROPERTY, "true");
        }
        // MSAL's own lines (its warnings repeat what the tool reports in its two error lines) only with --http-log.
        System.setProperty("org.slf4j.simpleLogger.log.com.microsoft.aad.msal4j", httpLog ? "debug" : "off");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), DemoData::newDemoPartnerCenter, out, err, System.console() != null));
    }

    /** Runs the tool and returns its exit code; never throws, never prints a stack trace. */
    static int run(String[] args, Map<String, String> environment, Supplier<InMemoryPartnerCenter> fakeFactory,
            PrintWriter out, PrintWriter err) {
        return run(args, environment, fakeFactory, out, err, false);
    }

    static int run(String[] args, Map<String, String> environment, Supplier<InMemoryPartnerCenter> fakeFactory,
            PrintWriter out, PrintWriter err, boolean terminal) {
        return run(args, environment, fakeFactory, out, err, terminal, ServeFakeCommand.StopSignal::signalOrTtl);
    }

    /** As above, with {@code serve-fake}'s wait for its end replaced (tests drive the server meanwhile). */
    static int run(String[] args, Map<String, String> environment, Supplier<InMemoryPartnerCenter> fakeFactory,
            PrintWriter out, PrintWriter err, boolean terminal, ServeFakeCommand.StopSignal stopSignal) {
        QualificationCli cli = new QualificationCli(environment, fakeFactory);
        cli.stopSignal = stopSignal;
        cli.out = out;
        cli.err = err;
        cli.terminal = terminal;
        // Every option value is the text typed, nothing else: picocli's default expands an argument '@path' into
        // the file's lines (so '--validation-code @/proc/self/environ' printed the environment, token included, and
        // '--customer @f' could smuggle in a '--base-url' that received the bearer token). Variables ('${env:X}')
        // are expanded in the annotations only, which we write; values typed are never interpolated, and
        // abbreviated options stay off (picocli's default), so '--base' is not '--base-url'.
        Secrets secrets = new Secrets(environment);
        CommandLine commandLine = new CommandLine(cli)
                .setExpandAtFiles(false)
                .setAbbreviatedOptionsAllowed(false)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((e, given) -> usageError(e, secrets))
                .setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, cmd.getErr(), secrets));
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Whatever held the memory is unreachable by now; these two lines need little.
            err.println("error: out of memory (the Java heap is full)");
            err.println(UserErrors.OUT_OF_MEMORY_HINT);
            code = ExitCodes.UNAVAILABLE;
        }
        if (cli.metrics != null) {
            cli.metrics.summary().forEach(err::println);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A command failed with an exception: a fault of the user's environment (a file, a port, the disk) is
     * {@link ExitCodes#INVALID} with what to do; anything else is a bug. Secrets from the environment are cut out of
     * either message.
     */
    static int failed(Exception e, PrintWriter err) {
        return failed(e, err, new Secrets(Map.of()));
    }

    /** As {@link #failed(Exception, PrintWriter)}, cutting {@code secrets} out of what it prints. */
    static int failed(Exception e, PrintWriter err, Secrets secrets) {
        var io = UserErrors.ioProblem(e);
        if (io.isPresent()) {
            err.println(secrets.redact("error: " + Printable.escapeInvisible(UserErrors.describe(io.get()))));
            err.println("not a bug in the tool: fix the file, directory or port named above and run the same command again");
            return ExitCodes.INVALID;
        }
        err.println(secrets.redact("error: unexpected failure: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + Printable.shorten(e.getMessage()))));
        err.println("this is a bug; please report it with the command you ran");
        return ExitCodes.UNEXPECTED;
    }

    private static int usageError(ParameterException e, Secrets secrets) {
        CommandLine cmd = e.getCommandLine();
        // picocli's messages quote the value typed ("Unmatched argument at index 3: '...'"); a secret pasted
        // into the wrong place is not echoed.
        cmd.getErr().println(secrets.redact("error: " + e.getMessage()));
        cmd.getErr().println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        return ExitCodes.INVALID;
    }

    /**
     * Opens the use cases for one command: REST when a base URL is given (credentials from the
     * environment, see {@link Credentials}), the embedded demo fake otherwise; every request passes
     * {@code gate} when it is not null.
     *
     * @throws ParameterException (a usage error, {@link ExitCodes#INVALID}, nothing sent) when the configuration is unusable
     */
    PartnerCenterQualifications open(GlobalOptions options, ApiMode mode, CommandLine command, RequestGate gate) {
        PartnerCenterQualifications.Builder builder = PartnerCenterQualifications.builder().api(mode);
        if (options.metrics) {
            builder.observationRegistry(CallMetrics.registryFor(metrics()));
        }
        if (gate != null) {
            builder.requestGate(gate);
        }
        if (options.baseUrl == null) {
            return builder.ports(fakeFactory.get()).build();
        }
        AccessTokenPort tokens = Credentials.fromEnvironment(environment).fold(Credentials.Choice.Tokens::tokens,
                unusable -> {
                    throw new ParameterException(command, unusable.message());
                });
        if (options.applicationName != null) {
            try {
                builder.applicationName(options.applicationName);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command, "--application-name: " + e.getMessage());
            }
        }
        try {
            // The adapter checks the base URL (https, or http to loopback only) when it is built.
            return builder.partnerCenter(options.baseUrl, tokens).httpLogging(options.httpLog).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(command, "--base-url: " + e.getMessage());
        }
    }

    /** {@code --metrics}: one collector for the whole command, however many clients it opens; made on first use. */
    private synchronized CallMetrics metrics() {
        if (metrics == null) {
            metrics = new CallMetrics(System::nanoTime);
        }
        return metrics;
    }

    /** The environment the tool was started with (credentials are read from it, never from flags). */
    Map<String, String> environment() {
        return environment;
    }

    ServeFakeCommand.StopSignal stopSignal() {
        return stopSignal;
    }

    /** True when standard error is an interactive terminal (live progress is shown only then). */
    boolean isTerminal() {
        return terminal;
    }

    /** Prints an update's outcome and returns its exit code. */
    int report(UpdateOutcome outcome, GlobalOptions options) {
        return print(options, () -> Render.json(outcome), () -> Render.text(outcome), ExitCodes.of(outcome));
    }

    /** Prints a read's outcome and returns its exit code. */
    int report(GetOutcome outcome, GlobalOptions options) {
        return print(options, () -> Render.json(outcome), () -> Render.text(outcome), ExitCodes.of(outcome));
    }

    /** Prints a listing's outcome and returns its exit code. */
    int report(CodesOutcome outcome, GlobalOptions options) {
        return print(options, () -> Render.json(outcome), () -> Render.text(outcome), ExitCodes.of(outcome));
    }

    /** Prints the outcome of listing a customer's validations and returns its exit code. */
    int report(ValidationsOutcome outcome, GlobalOptions options) {
        return print(options, () -> Render.json(outcome), () -> Render.text(outcome), ExitCodes.of(outcome));
    }

    /** Prints the JSON (with {@code --json}) or the text, a success's on standard output, a failure's on standard error. */
    private int print(GlobalOptions options, Supplier<Json> json, Supplier<Render.Text> text, int exitCode) {
        if (options.json) {
            out.println(json.get());
        } else {
            Render.Text lines = text.get();
            lines.err().forEach(err::println);
            lines.out().forEach(out::println);
        }
        return exitCode;
    }
}
