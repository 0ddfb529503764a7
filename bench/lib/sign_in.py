#!/usr/bin/env python3
"""Signs in to a demo-mode Lots over plain HTTP, the whole BankID way: starts a login, opens the test
server's stand-in for the BankID app with the autostart token, approves as the named demo person, and
polls the status until Lots issues the session. Prints `Cookie: ...` for a load generator.

usage: sign_in.py BASE_URL "Hanna Handledarsson"
"""
import html
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request

base, name = sys.argv[1].rstrip("/"), sys.argv[2]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def fetch(path, form=None, headers=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(base + path, data=data, headers=headers or {})
    with opener.open(request, timeout=30) as response:
        return response.geturl(), response.read().decode()


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


_, login_page = fetch("/login")
waiting_url, waiting = fetch("/login/bankid", {"_csrf": csrf(login_page)})
login_path = urllib.parse.urlparse(waiting_url).path
autostart = html.unescape(re.search(r'href="([^"]+)"[^>]*data-e2e="bankid-autostart"', waiting).group(1))
_, app_page = fetch(autostart)
order_ref = re.search(r'name="orderRef" value="([^"]+)"', app_page).group(1)
identity = re.search(r'value="(\d+)"[^>]*>\s*<label for="identity-\d+"[^>]*>' + re.escape(name), app_page).group(1)
fetch("/bankid-test/app/approve", {"_csrf": csrf(app_page), "orderRef": order_ref, "identity": identity})
for _ in range(30):
    _, status = fetch(login_path + "/status", headers={"Accept": "application/json"})
    if json.loads(status)["state"] == "complete":
        break
    time.sleep(0.5)
else:
    sys.exit("the sign-in did not complete")
print("Cookie: " + "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar))
