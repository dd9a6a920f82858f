def log = new File(basedir, 'build.log').text
assert log.contains("src/main/dockerfile-dsl/web.yaml:4:9: unknown key 'exposes' in a step (did you mean 'expose'?)")
assert log.contains('BUILD FAILURE')
assert !(log =~ /\n\s+at [a-z]/) && !log.contains('Caused by') : 'a user mistake must not print a stack trace'
// nothing is written when any source is wrong, not even the good one
assert !new File(basedir, 'good.Dockerfile').exists()
assert !new File(basedir, 'web.Dockerfile').exists()
return true
