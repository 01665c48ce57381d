#!/usr/bin/env python3
"""Checks the image tarball Jib wrote (jib:buildTar): the OCI layout or docker-load manifest, the config, every layer's
digests, the entrypoint, the user, the port, the labels, the reproducible creation time; optionally unpacks the layers
into a root file system and checks the entrypoint's java and class path are in it.

Prints what it found; exits 1 with the list of failures. Standard library only (python3 is on CI's machine).
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile

failures = []


def check(ok, message):
    print(("  ok    " if ok else "  FAIL  ") + message)
    if not ok:
        failures.append(message)
    return ok


def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tarball")
    ap.add_argument("--user", required=True, help="numeric uid the image must run as")
    ap.add_argument("--port", required=True)
    ap.add_argument("--main-class", required=True)
    ap.add_argument("--extract", help="unpack the layers into this directory (emptied first)")
    ap.add_argument("--java", help="path of java inside the image that the entrypoint must resolve to")
    ap.add_argument("--min-layers", type=int, default=4)
    args = ap.parse_args()

    print(f"[image] checking {args.tarball}")
    with tarfile.open(args.tarball) as tar:
        names = set(tar.getnames())

        def read(name):
            return tar.extractfile(name).read()

        # OCI image layout (index.json -> manifest blob) when Jib wrote format OCI; docker-load manifest.json otherwise.
        if "index.json" in names:
            check("oci-layout" in names, "OCI image layout (oci-layout, index.json)")
            index = json.loads(read("index.json"))
            manifests = index.get("manifests", [])
            check(len(manifests) == 1, f"index.json names one manifest ({len(manifests)})")
            mdesc = manifests[0]
            mbytes = read("blobs/" + mdesc["digest"].replace(":", "/"))
            check(sha256(mbytes) == mdesc["digest"], "manifest blob matches its digest")
            manifest = json.loads(mbytes)
            print(f"        image digest (manifest): {mdesc['digest']}")
            check(manifest.get("mediaType", mdesc.get("mediaType")) == "application/vnd.oci.image.manifest.v1+json",
                  "OCI manifest media type")
            cdesc = manifest["config"]
            cbytes = read("blobs/" + cdesc["digest"].replace(":", "/"))
            check(sha256(cbytes) == cdesc["digest"], "config blob matches its digest")
            layer_descs = manifest["layers"]
            layer_files = ["blobs/" + d["digest"].replace(":", "/") for d in layer_descs]
            layer_digests = [d["digest"] for d in layer_descs]
        else:
            check("manifest.json" in names, "docker-load manifest.json present")
            dm = json.loads(read("manifest.json"))[0]
            cbytes = read(dm["Config"])
            layer_files = dm["Layers"]
            layer_digests = [None] * len(layer_files)
        config = json.loads(cbytes)
        cc = config.get("config", {})

        # The layers: each blob's digest, and its uncompressed digest against the config's diff_ids.
        diff_ids = config.get("rootfs", {}).get("diff_ids", [])
        check(len(diff_ids) == len(layer_files), f"{len(layer_files)} layers, {len(diff_ids)} diff_ids")
        check(len(layer_files) >= args.min_layers, f"at least {args.min_layers} layers (Jib splits dependencies, "
                                                   f"resources, classes): {len(layer_files)}")
        layers = []
        for i, (name, digest) in enumerate(zip(layer_files, layer_digests)):
            blob = read(name)
            raw = gzip.decompress(blob) if blob[:2] == b"\x1f\x8b" else blob
            if digest:
                check(sha256(blob) == digest, f"layer {i} blob matches its digest")
            check(i < len(diff_ids) and sha256(raw) == diff_ids[i], f"layer {i} content matches diff_id")
            with tarfile.open(fileobj=io.BytesIO(raw)) as lt:
                members = lt.getmembers()
                files = [m for m in members if m.isfile()]
                top = sorted({m.name.lstrip("./").split("/")[0] for m in members if m.name.strip("./")})
                print(f"        layer {i}: {len(files)} files, {len(raw) / 1e6:.1f} MB, top: {', '.join(top)}")
                if args.extract:  # our own layers only (scratch); a registry base's layers are its own business
                    check(all(m.uid == 0 and m.gid == 0 for m in members), f"layer {i}: files owned by root (read-only to the user)")
            layers.append(raw)

    # The config.
    user = cc.get("User", "")
    check(user.split(":")[0] == args.user, f"user {user!r} is uid {args.user}")
    check(user.split(":")[0] not in ("", "0", "root"), "user is not root")
    check(f"{args.port}/tcp" in cc.get("ExposedPorts", {}), f"exposes {args.port}/tcp: {sorted(cc.get('ExposedPorts', {}))}")
    ep = cc.get("Entrypoint") or []
    print(f"        entrypoint: {json.dumps(ep)}")
    check(bool(ep) and os.path.basename(ep[0]) == "java", "entrypoint runs java")
    check(any(a.startswith("-XX:MaxRAMPercentage=") for a in ep), "entrypoint sizes the heap from the container limit")
    check("-XX:+ExitOnOutOfMemoryError" in ep, "entrypoint exits on OutOfMemoryError (the orchestrator restarts it)")
    check(ep[-1:] == [args.main_class], f"entrypoint starts {args.main_class}")
    check("-cp" in ep and ep[ep.index("-cp") + 1].startswith("@"), "class path from Jib's classpath file")
    env = dict(e.split("=", 1) for e in cc.get("Env", []))
    check(env.get("JAVA_HOME") == "/opt/java/openjdk", f"JAVA_HOME {env.get('JAVA_HOME')!r}")
    check(config.get("created", "").startswith("1970-01-01T00:00:00"), f"reproducible creation time {config.get('created')!r}")
    labels = cc.get("Labels") or {}
    check("org.opencontainers.image.version" in labels and "org.opencontainers.image.title" in labels,
          f"OCI labels: {sorted(labels)}")
    check(config.get("os") == "linux" and config.get("architecture") == "amd64",
          f"platform {config.get('os')}/{config.get('architecture')}")

    if args.extract:
        root = os.path.abspath(args.extract)
        with open("/proc/mounts") as f:
            busy = [line.split()[1] for line in f if line.split()[1].startswith(root + "/")]
        if busy:
            sys.exit(f"[image] refusing to empty {root}: still mounted: {busy}")
        if os.path.exists(root):
            shutil.rmtree(root)
        os.makedirs(root)
        for raw in layers:
            with tarfile.open(fileobj=io.BytesIO(raw)) as lt:
                for m in lt.getmembers():
                    base = os.path.basename(m.name)
                    if base.startswith(".wh."):  # whiteouts: a later layer deletes a file
                        target = os.path.join(root, os.path.dirname(m.name), base[4:])
                        if os.path.isdir(target) and not os.path.islink(target):
                            shutil.rmtree(target)
                        elif os.path.lexists(target):
                            os.remove(target)
                        continue
                    target = os.path.join(root, m.name)
                    if not os.path.abspath(target).startswith(root + os.sep) and os.path.abspath(target) != root:
                        check(False, f"layer entry escapes the root: {m.name}")
                        continue
                    if os.path.lexists(target) and not os.path.isdir(target):
                        os.remove(target)
                    lt.extract(m, root, set_attrs=True, **({"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}))
        print(f"[image] unpacked into {root}")
        java = args.java or ep[0]
        path_dirs = env.get("PATH", "").split(":")
        resolved = ep[0] if ep[0].startswith("/") else next(
            (os.path.join(d, ep[0]) for d in path_dirs if os.path.exists(root + os.path.join(d, ep[0]))), None)
        check(resolved is not None and os.path.realpath(root + resolved) == os.path.realpath(root + java),
              f"entrypoint {ep[0]!r} resolves on the image's PATH to {resolved}")
        check(os.access(root + java, os.X_OK), f"{java} is executable")
        check(os.access(root + "/lib64/ld-linux-x86-64.so.2", os.X_OK), "the ELF loader is executable")
        check(os.path.exists(root + "/lib64/ld-linux-x86-64.so.2"), "the ELF loader /lib64/ld-linux-x86-64.so.2 is there")
        cp_file = ep[ep.index("-cp") + 1][1:] if "-cp" in ep else None
        if cp_file and check(os.path.isfile(root + cp_file), f"class path file {cp_file}"):
            entries = open(root + cp_file).read().strip().split(":")
            missing = [e for e in entries if not e.endswith("*") and not os.path.exists(root + e)]
            jars = [e for e in entries if e.endswith(".jar")]
            check(not missing, f"class path: {len(entries)} entries, {len(jars)} jars, missing: {missing[:5]}")
        main_class = root + "/app/classes/" + args.main_class.replace(".", "/") + ".class"
        check(os.path.isfile(main_class), f"{args.main_class} in /app/classes")
        check(os.path.isdir(root + "/tmp") and (os.stat(root + "/tmp").st_mode & 0o777) == 0o777, "/tmp writable by the user")
        # For build.sh's chroot run: the image's environment and entrypoint, one per line.
        with open(root + ".env", "w") as f:
            f.write("".join(e + "\n" for e in cc.get("Env", [])))
        with open(root + ".entrypoint", "w") as f:
            f.write("".join(a + "\n" for a in ep))

    if failures:
        print(f"[image] {len(failures)} check(s) failed:", *failures, sep="\n  ")
        sys.exit(1)
    print("[image] tarball checks passed")


if __name__ == "__main__":
    main()
