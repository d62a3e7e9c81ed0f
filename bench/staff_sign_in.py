#!/usr/bin/env python3
"""Signs a staff member in to a running redress for the first time (password, then
enrolment of a second factor with a TOTP code computed here from the key the page shows),
and prints the session cookie ("__Host-redress-staff=..."). With --repeat N, also times N
more sign-ins of the password step alone (the Argon2id hash at the deployment's cost) and
prints their latency. Standard library only. Used by bench/staff-pages."""
import argparse, base64, hashlib, hmac, http.client, re, struct, sys, time, urllib.parse


def totp(secret_base32, at=None):
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    step = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (number % 1_000_000)


def request(port, method, path, fields=None, cookie=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Sec-Fetch-Site": "same-origin"}
    body = None
    if fields is not None:
        body = urllib.parse.urlencode(fields)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookie:
        headers["Cookie"] = cookie
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    cookies = [value for name, value in response.getheaders() if name.lower() == "set-cookie"]
    connection.close()
    return response.status, text, cookies


def cookie_named(cookies, name):
    for cookie in cookies:
        if cookie.startswith(name + "="):
            return cookie.split(";", 1)[0]
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--repeat", type=int, default=0)
    options = parser.parse_args()

    fields = {"username": options.username, "password": options.password}
    status, text, cookies = request(options.port, "POST", "/staff/sign-in", fields)
    ticket = cookie_named(cookies, "__Host-redress-sign-in")
    if status != 303 or not ticket:
        sys.exit("sign-in: password step answered %d" % status)
    status, text, _ = request(options.port, "GET", "/staff/sign-in/enrol", cookie=ticket)
    secret = re.search(r'class="totp-secret" dir="ltr">([A-Z2-7]+)<', text)
    enrolment = re.search(r'name="enrolment" value="([A-Za-z0-9_-]+)"', text)
    if status != 200 or not secret or not enrolment:
        sys.exit("sign-in: enrolment page answered %d" % status)
    status, text, cookies = request(options.port, "POST", "/staff/sign-in/enrol",
                                    {"enrolment": enrolment.group(1), "code": totp(secret.group(1))},
                                    cookie=ticket)
    session = cookie_named(cookies, "__Host-redress-staff")
    if status != 200 or not session:
        sys.exit("sign-in: enrolment answered %d" % status)
    print(session)

    if options.repeat:
        times = []
        for _ in range(options.repeat):
            started = time.perf_counter()
            status, _, _ = request(options.port, "POST", "/staff/sign-in", fields)
            times.append((time.perf_counter() - started) * 1000)
            if status != 303:
                sys.exit("sign-in: password step answered %d" % status)
        times.sort()
        print("sign-in password step: n=%d p50 %.1f ms p90 %.1f ms max %.1f ms"
              % (len(times), times[len(times) // 2], times[int(len(times) * 0.9)], times[-1]),
              file=sys.stderr)


if __name__ == "__main__":
    main()
