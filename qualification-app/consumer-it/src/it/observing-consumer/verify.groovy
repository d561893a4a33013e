// The Micrometer consumer's last word: its build passed, its test really ran, and the enforcer rules ran.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') : 'the Micrometer consumer build failed: see its build.log, printed with this failure'

def report = new File(basedir, 'target/surefire-reports/TEST-com.contoso.platform.ObservedWithBootsMicrometerTest.xml')
assert report.isFile() : "ObservedWithBootsMicrometerTest did not run (no ${report})"
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report).documentElement
def count = { String attribute -> suite.getAttribute(attribute) as int }
assert count('tests') == 2 : "ObservedWithBootsMicrometerTest ran ${suite.getAttribute('tests')} tests, not 2"
assert count('failures') + count('errors') + count('skipped') == 0 : 'ObservedWithBootsMicrometerTest did not pass'

['DependencyConvergence', 'BanDuplicateClasses', 'BannedDependencies'].each { rule ->
    assert log =~ /Rule \d+: \S*${rule} passed/ : "the enforcer rule ${rule} did not run in the Micrometer consumer"
}
return true
