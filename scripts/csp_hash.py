#!/usr/bin/env python3
"""Trunk post-build hook: allow Trunk's inline module loader in the Content-Security-Policy by its hash.

index.html carries `'sha256-LOADER'` in its CSP meta tag; this replaces it with the sha256 of every inline
<script> Trunk emitted, so the page runs no inline script but the loader, and no `'unsafe-inline'` is needed.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
path = os.path.join(staging, "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()

scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if not scripts:
    sys.exit(f"csp_hash: no inline script found in {path}")
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")
    for s in scripts
)
if "'sha256-LOADER'" not in html:
    sys.exit(f"csp_hash: the CSP placeholder 'sha256-LOADER' is missing from {path}")
html = html.replace("'sha256-LOADER'", hashes)
# Write a hidden file and rename it over index.html, so the other post_build hook (service_worker.py, run at
# the same time) reads either the old or the new page, never a half-written one, and never lists the temporary.
tmp = os.path.join(staging, ".index.html.csp-tmp")
with open(tmp, "w", encoding="utf-8") as f:
    f.write(html)
os.replace(tmp, path)
print(f"csp_hash: allowed {len(scripts)} inline loader script(s) by hash")
