def log = new File(basedir, 'build.log').text
assert log.contains('dockerfile-dsl: skipped')
assert !log.contains('differ from what')
assert log.contains('BUILD SUCCESS')
return true
