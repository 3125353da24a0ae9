"""A real SMTP server on a free local port (aiosmtpd), collecting what the app sends."""

import email
import email.policy
import re
import socket
import time

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd's handler: every message received, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(
            {"to": list(envelope.rcpt_tos), "subject": message["subject"], "body": message.get_content()}
        )
        return "250 OK"

    def wait_for(self, count, timeout=10):
        """The first `count` messages (sending happens after the answer, in a thread)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(self.messages) >= count, f"expected {count} messages, got {self.messages}"
        return self.messages[:count]

    def last_to(self, address, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [m for m in self.messages if address in m["to"]]
            if found:
                return found[-1]
            time.sleep(0.02)
        raise AssertionError(f"no message to {address}: {self.messages}")

    def clear(self):
        self.messages.clear()


def link_in(message, base="http://localhost"):
    """The path of the first link of this site in a message's body."""
    match = re.search(re.escape(base) + r"(/\S+)", message["body"])
    assert match, message["body"]
    return match.group(1)


def start_smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, inbox


def mail_settings(port):
    return {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": port,
        "MAIL_USE_TLS": False,
        "MAIL_USE_SSL": False,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_DEFAULT_SENDER": "Relieve <no-reply@relieve.test>",
    }
