#!/usr/bin/env python3
"""The body of an upload for bench/upload: the review step's hidden fields (as the server
gave them for one reviewed filing) and a JPEG photo of --mib MiB, as multipart/form-data.

The photo is tests/fixtures/evidence/photo.jpg (96x64) with random bytes in comment (COM)
segments after its header up to the size asked: a valid JPEG that no compression in the
path can shrink, as a phone's photo is. Reads the review page's HTML on stdin."""

import argparse
import html
import os
import re
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--fixture", required=True)
parser.add_argument("--mib", type=float, default=2.0)
parser.add_argument("--boundary", required=True)
parser.add_argument("--out", required=True)
args = parser.parse_args()

review = sys.stdin.read()
fields = []
for tag in re.findall(r"<input[^>]*>", review):
    if 'type="hidden"' not in tag:
        continue
    name = re.search(r'name="([^"]*)"', tag)
    value = re.search(r'value="([^"]*)"', tag)
    if name:
        fields.append((html.unescape(name.group(1)), html.unescape(value.group(1) if value else "")))
if not any(name == "form_token" for name, _ in fields):
    sys.exit("upload_body: the review page has no form token")

fixture = open(args.fixture, "rb").read()
assert fixture[:2] == b"\xff\xd8"
header_end = 2 + 2 + int.from_bytes(fixture[4:6], "big")  # SOI, then APP0 (JFIF)
target = int(args.mib * 1024 * 1024)
padding = bytearray()
while len(fixture) + len(padding) < target:
    remaining = target - len(fixture) - len(padding)
    chunk = os.urandom(max(1, min(65533, remaining - 4)))
    padding += b"\xff\xfe" + (len(chunk) + 2).to_bytes(2, "big") + chunk
photo = fixture[:header_end] + bytes(padding) + fixture[header_end:]

body = bytearray()
for name, value in fields + [("action", "file")]:
    body += (f"--{args.boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
             f"{value}\r\n").encode()
body += (f"--{args.boundary}\r\nContent-Disposition: form-data; name=\"evidence\"; "
         f"filename=\"IMG_2041.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").encode()
body += photo + b"\r\n" + f"--{args.boundary}--\r\n".encode()
open(args.out, "wb").write(body)
print(f"{len(photo)} {len(body)}")
