import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// LatestTag (hadolint DL3007) configured as an error; InvalidStopSignal is an error by default
assert log.contains('[ERROR] Dockerfile:1:1: error DF114 ')
assert log =~ /\[ERROR\] signal\.Dockerfile:4:\d+: error DF211 /
// a warning is logged but does not fail the build; ConsecutiveRuns is configured off
assert log =~ /\[WARNING\] warn\.Dockerfile:2:1: warning DF111 /
assert !log.contains('DF103')
assert log.contains('2 lint findings at or above error (failOn)')
assert log.contains('BUILD FAILURE')

def sarifFile = new File(basedir, 'target/dockerfile-dsl/lint.sarif')
assert sarifFile.isFile()
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results.collect { it.ruleId }.sort() == ['DF111', 'DF114', 'DF211']
assert results.find { it.ruleId == 'DF114' }.level == 'error'
assert results.find { it.ruleId == 'DF114' }.locations[0].physicalLocation.artifactLocation.uri == 'Dockerfile'
assert sarif.runs[0].artifacts.collect { it.location.uri } == ['Dockerfile', 'signal.Dockerfile', 'warn.Dockerfile']
return true
