def log = new File(basedir, 'build.log').text
assert log.contains('dockerfile-dsl: 1 rendered and 1 hand-written Dockerfiles up to date')
assert log.contains('BUILD SUCCESS')
return true
