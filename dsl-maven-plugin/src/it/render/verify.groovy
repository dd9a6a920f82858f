// Every expected file was written with exactly the expected text.
def expected = new File(basedir, 'expected')
def names = []
expected.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  def rel = expected.toPath().relativize(f.toPath()).toString()
  names << rel
  def actual = new File(basedir, rel)
  assert actual.isFile() : "render did not write ${rel}"
  assert actual.text == f.text : "${rel} differs from expected/${rel}"
}
assert names.size() == 4
def log = new File(basedir, 'build.log').text
assert log.contains('dockerfile-dsl: wrote images/web.Dockerfile (from com.example.Images#web)')
assert log.contains('dockerfile-dsl: wrote WorkerImage.Dockerfile (from com.example.WorkerImage)')
assert log.contains('dockerfile-dsl: wrote jobs/cron.Dockerfile (from src/main/dockerfile-dsl/jobs/cron.yaml)')
assert log.contains('dockerfile-dsl: 4 Dockerfiles, 4 written, 0 up to date')
return true
