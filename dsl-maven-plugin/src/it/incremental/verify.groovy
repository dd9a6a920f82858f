def old = 978307200000L
def log = new File(basedir, 'build.log').text
def unchanged = new File(basedir, 'Dockerfile')
def changed = new File(basedir, 'web.Dockerfile')
assert unchanged.lastModified() == old : 'an up-to-date Dockerfile was rewritten'
assert changed.lastModified() > old : 'a stale Dockerfile was not rewritten'
assert changed.text == 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\n'
assert log.contains('dockerfile-dsl: wrote web.Dockerfile (from src/main/dockerfile-dsl/web.yaml)')
assert !log.contains('wrote Dockerfile ')
assert log.contains('dockerfile-dsl: 2 Dockerfiles, 1 written, 1 up to date')
// no temporary files left beside the outputs
assert basedir.list().findAll { it.endsWith('.tmp') }.isEmpty()
return true
