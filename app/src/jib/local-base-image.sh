#!/usr/bin/env bash
# Builds a minimal Java 17 base image as a docker-save tarball from this machine's own JDK, for
# building the Koppel image where no container registry can be reached:
#
#   bash app/src/jib/local-base-image.sh            # writes app/target/koppel-base.tar
#   mvn -B -Pimage -pl app -am package -DskipTests -Djib.from.image=tar://$PWD/app/target/koppel-base.tar
#
# The base holds a jlink'ed runtime in /opt/java, the shared libraries it links against (copied
# from the host, found with ldd), and an /etc/passwd with root and nobody. No shell, no package
# manager. Production builds use the default base (eclipse-temurin:17-jre) instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../target/koppel-base.tar}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt" "$root/etc" "$root/usr/bin" "$root/tmp"
chmod 1777 "$root/tmp"

jlink --add-modules java.base,java.sql,java.naming,java.management,java.desktop,java.instrument,\
jdk.unsupported,java.net.http,java.security.jgss,jdk.crypto.ec,java.xml,java.logging,jdk.zipfs,\
java.compiler,java.scripting,jdk.management,java.rmi,jdk.naming.dns,jdk.localedata,\
java.transaction.xa \
  --strip-debug --no-header-files --no-man-pages --output "$root/opt/java"

for f in "$root/opt/java/bin/java" "$root/opt/java/lib/server/libjvm.so" "$root"/opt/java/lib/*.so; do
  LD_LIBRARY_PATH="$root/opt/java/lib:$root/opt/java/lib/server" ldd "$f" 2>/dev/null \
    | grep -o '/[^ ]*' || true
done | grep -v "^$root" | sort -u | while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
ln -s /opt/java/bin/java "$root/usr/bin/java"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' \
  > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"

python3 - "$work" "$out" <<'PY'
import hashlib, io, json, sys, tarfile
work, out = sys.argv[1], sys.argv[2]
layer = work + "/layer.tar"
with tarfile.open(layer, "w") as t:
    t.add(work + "/root", arcname=".")
digest = hashlib.sha256(open(layer, "rb").read()).hexdigest()
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java",
                       "LD_LIBRARY_PATH=/opt/java/lib:/opt/java/lib/server"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest]},
    "history": [{"created_by": "app/src/jib/local-base-image.sh"}]}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
manifest = json.dumps([{"Config": config_name, "RepoTags": ["koppel-base:local"],
                        "Layers": [digest + "/layer.tar"]}]).encode()
with tarfile.open(out, "w") as t:
    t.add(layer, arcname=digest + "/layer.tar")
    for name, data in ((config_name, config), ("manifest.json", manifest)):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
print("base image:", out)
PY
