// The consumer proof's last word: every check really ran. A test class that Surefire's default
// includes (*Test, Test*, *Tests, *TestCase) skip leaves no report, so a README example named *IT fails here.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
// Invoker runs this hook after a failed build too: name that failure, not its consequences.
assert log.contains('BUILD SUCCESS') : 'the consumer build failed: see its build.log, printed with this failure'

def reports = new File(basedir, 'target/surefire-reports')
['OnboardingTest',                 // README, "Swapping in the fake": the JUnit example
 'GovernmentCloudOnboardingTest',  // README, "Embedding": the example, over HTTP to the fake on loopback
 'SwappingInTheFakeTest',          // README, "Swapping in the fake": the builder on the fake
 'SeedResourceTest',               // README's seed file as seedResource, as serve-fake --seed reads it
 'FakeAdapterContractTest',        // the test-jar's contract suite, subclassed by a consumer
 'LoggingProviderTest',            // logback is SLF4J's only provider
 'WithoutMicrometerTest',          // observations are optional: no Micrometer, and the library works
 'BulkFromCodeTest'                // README, "Embedding" ("Bulk from code"): the bulk API over a list
].each { name ->
    def report = new File(reports, "TEST-com.contoso.platform.${name}.xml")
    assert report.isFile() : "${name} did not run: Surefire's default includes did not pick it up (no ${report})"
    def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report).documentElement
    def count = { String attribute -> suite.getAttribute(attribute) as int }
    assert count('tests') > 0 : "${name} ran no test"
    assert count('failures') + count('errors') + count('skipped') == 0 : "${name}: ${suite.getAttribute('tests')} tests, " +
            "${suite.getAttribute('failures')} failed, ${suite.getAttribute('errors')} errors, ${suite.getAttribute('skipped')} skipped"
}

['DependencyConvergence', 'BanDuplicateClasses', 'BannedDependencies'].each { rule ->
    assert log =~ /Rule \d+: \S*${rule} passed/ : "the enforcer rule ${rule} did not run in the consumer"
}
assert !log.contains('SLF4J(W)') : 'SLF4J warned (no provider, or more than one): see build.log'
return true
