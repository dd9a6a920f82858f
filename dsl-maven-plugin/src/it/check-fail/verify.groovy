def log = new File(basedir, 'build.log').text
// the stale rendered Dockerfile, as a unified diff from the committed file to render's output
assert log.contains('''--- a/Dockerfile
+++ b/Dockerfile
@@ -1,5 +1,5 @@
 FROM python:3.12-slim
 WORKDIR /app
 COPY . .
-EXPOSE 8000
-CMD ["python", "-m", "http.server", "8000"]
+EXPOSE 8080
+CMD ["python", "-m", "http.server", "8080"]
''')
// the hand-written Dockerfile that fmt would change
assert log.contains('''--- a/tools.Dockerfile
+++ b/tools.Dockerfile
@@ -1,3 +1,3 @@
-from alpine:3.20
+FROM alpine:3.20
 RUN apk add --no-cache curl
 ENTRYPOINT ["curl"]
''')
assert log.contains('2 Dockerfiles differ from what dockerfile-dsl would write: Dockerfile (rendered from src/main/dockerfile-dsl/Dockerfile.yaml), tools.Dockerfile (not in canonical format)')
assert log.contains('BUILD FAILURE')
// check writes nothing
assert new File(basedir, 'Dockerfile').text.contains('EXPOSE 8000')
assert new File(basedir, 'tools.Dockerfile').text.startsWith('from alpine')
return true
