// Both outputs exist before the build, with an old modification time: Dockerfile already holds
// what render writes, web.Dockerfile is stale.
def old = 978307200000L // 2001-01-01T00:00:00Z
['Dockerfile', 'web.Dockerfile'].each { assert new File(basedir, it).setLastModified(old) }
return true
