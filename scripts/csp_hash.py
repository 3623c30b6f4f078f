#!/usr/bin/env python3
"""Build step (`make build`, after both Trunk builds): allow each page's inline module loader in its
Content-Security-Policy by its hash.

Every page (index.html, quiz.html) carries `'sha256-LOADER'` in its CSP meta tag; this replaces it with the
sha256 of every inline <script> in that page (Trunk's loader, and in the quiz's page the quiz's own loader
that scripts/site_pages.py writes), so a page runs no inline script but its own, and no `'unsafe-inline'` is
needed.

    python3 scripts/csp_hash.py DIST
"""
import base64
import hashlib
import os
import re
import sys



def pin(path):
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
    # Write a hidden file and rename it over the page, so that nothing ever reads a half-written page.
    tmp = os.path.join(os.path.dirname(path), ".csp-tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(tmp, path)
    print(f"csp_hash: {os.path.basename(path)}: allowed {len(scripts)} inline loader script(s) by hash")


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    pages = sorted(name for name in os.listdir(dist) if name.endswith(".html"))
    if not pages:
        sys.exit(f"csp_hash: no page in {dist}")
    for name in pages:
        pin(os.path.join(dist, name))


if __name__ == "__main__":
    main()
