#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the mail tests.

Prints "READY <port>" once it listens, and stops on SIGTERM or when its standard input closes,
so a test that dies without cleaning up does not leave it running.

Each accepted message is saved in --maildir as N.eml (the data exactly as received, dot-stuffing
removed) and N.json: the envelope, plus what Python's email package decodes from the message, so
tests can compare against an independent MIME decoder.

Needs: pip install aiosmtpd
"""

import argparse
import email.policy
import json
import os
import signal
import socket
import ssl
import sys
import threading
import warnings
from email.parser import BytesParser

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.stderr.write("smtp_server.py needs aiosmtpd: pip install aiosmtpd\n")
    sys.exit(3)


# aiosmtpd itself sets the deprecated attribute after a successful AUTH.
warnings.filterwarnings("ignore", message=".*login_data.*")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maildir", required=True, help="folder for received messages")
    parser.add_argument("--auth", metavar="USER:PASSWORD", help="require AUTH (PLAIN or LOGIN) with these credentials")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"), help="offer and require STARTTLS")
    parser.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"), help="TLS from the first byte (SMTPS)")
    parser.add_argument("--reject-rcpt", metavar="SUBSTRING", help="answer 550 to recipients containing this")
    parser.add_argument("--tempfail", action="store_true", help="answer 451 at the end of DATA")
    parser.add_argument("--smtputf8", action="store_true", help="offer SMTPUTF8")
    parser.add_argument("--no-ehlo", action="store_true", help="answer EHLO with 502, like a pre-ESMTP server")
    return parser.parse_args()


class Handler:
    def __init__(self, maildir, reject_rcpt, tempfail):
        self.maildir = maildir
        self.reject_rcpt = reject_rcpt
        self.tempfail = tempfail
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_rcpt and self.reject_rcpt in address:
            return "550 5.1.1 <%s>: Recipient address rejected" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.tempfail:
            return "451 4.3.0 Temporary failure, please try again later"
        with self.lock:
            self.count += 1
            number = self.count
        content = envelope.original_content or envelope.content
        info = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "authenticated": bool(getattr(session, "authenticated", False)),
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
        }
        info.update(decode(content))
        base = os.path.join(self.maildir, str(number))
        with open(base + ".eml", "wb") as f:
            f.write(content)
        # The JSON appears last and atomically: its presence means the message is complete.
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(info, f, ensure_ascii=False, indent=2)
        os.replace(base + ".json.tmp", base + ".json")
        return "250 2.0.0 OK: queued as TEST%04d" % number


def decode(content):
    msg = BytesParser(policy=email.policy.default).parsebytes(content)
    lines = content.split(b"\r\n")
    info = {
        "headers": [[name, str(value)] for name, value in msg.items()],
        "subject": str(msg["subject"]) if msg["subject"] is not None else None,
        "content_type": msg.get_content_type(),
        "defects": [repr(d) for part in msg.walk() for d in part.defects],
        "max_line_length": max(len(line) for line in lines),
        "bare_lf": b"\n" in content.replace(b"\r\n", b""),
        "text": None,
        "html": None,
    }
    for part in msg.walk():
        if part.is_multipart():
            continue
        text = part.get_content().replace("\r\n", "\n")
        if part.get_content_type() == "text/plain" and info["text"] is None:
            info["text"] = text
        elif part.get_content_type() == "text/html" and info["html"] is None:
            info["html"] = text
    return info


class NoEhloSMTP(SMTP):
    async def smtp_EHLO(self, hostname):
        await self.push("502 5.5.1 EHLO not implemented")


class NoEhloController(Controller):
    def factory(self):
        return NoEhloSMTP(self.handler, **self.SMTP_kwargs)


def make_authenticator(expected_user, expected_password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == expected_user.encode()
            and auth_data.password == expected_password.encode()
        )
        # handled=False makes aiosmtpd answer a failure with 535 itself.
        return AuthResult(success=ok, handled=False)

    return authenticator


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    args = parse_args()
    os.makedirs(args.maildir, exist_ok=True)
    handler = Handler(args.maildir, args.reject_rcpt, args.tempfail)
    kwargs = {"decode_data": False, "enable_SMTPUTF8": args.smtputf8}
    if args.auth:
        user, _, password = args.auth.partition(":")
        kwargs["authenticator"] = make_authenticator(user, password)
        kwargs["auth_required"] = True
        # Over STARTTLS, AUTH only after TLS (aiosmtpd's default); without it, a loopback test needs it in the clear.
        kwargs["auth_require_tls"] = bool(args.starttls)
    if args.starttls:
        kwargs["tls_context"] = tls_context(*args.starttls)
        kwargs["require_starttls"] = True
    ssl_context = tls_context(*args.implicit_tls) if args.implicit_tls else None

    controller = None
    # Another process may take the free port between the check and the bind; try a few.
    for attempt in range(5):
        controller_class = NoEhloController if args.no_ehlo else Controller
        candidate = controller_class(handler, hostname="127.0.0.1", port=free_port(), ssl_context=ssl_context, **kwargs)
        try:
            candidate.start()
            controller = candidate
            break
        except OSError:
            if attempt == 4:
                raise
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    def watch_stdin():
        # os.read, not sys.stdin: a daemon thread blocked in a buffered read aborts interpreter exit.
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        finally:
            stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    print("READY %d" % controller.port, flush=True)
    while not stop.wait(0.5):
        pass
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
