"""Calendar invitations by email (iTIP over email, RFC 6047), so that Google Calendar,
Outlook and Apple Calendar show a real invitation, without calendar OAuth.

`SMTP_URL` says where: smtps://host:465 for implicit TLS; smtp://host:587 upgrades with
STARTTLS whenever the server offers it; user and password in the URL when it needs them."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit


class MailRefused(Exception):
    """The server did not take the message; the text says why, for the outbox."""


@dataclass(frozen=True)
class Invitation:
    to: str
    subject: str
    text: str
    ics: bytes
    method: str  # REQUEST or CANCEL


def compose(sender: str, invitation: Invitation) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"] = sender, invitation.to
    message["Subject"] = invitation.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1] or "mentorbot")
    message.set_content(invitation.text)
    # RFC 6047: the iCalendar object as text/calendar, its METHOD repeated as a parameter.
    message.add_alternative(invitation.ics.decode(), subtype="calendar",
                            params={"method": invitation.method})
    return message


def send(url: str, sender: str, invitation: Invitation, timeout: float = 10.0) -> None:
    """Deliver one invitation; MailRefused (with the server's reason) when it can't."""
    parts = urlsplit(url)
    host, port = parts.hostname or "localhost", parts.port
    try:
        if parts.scheme == "smtps":
            client = smtplib.SMTP_SSL(host, port or 465, timeout=timeout,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(host, port or 587, timeout=timeout)
        with client:
            client.ehlo()
            if parts.scheme != "smtps" and client.has_extn("starttls"):
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if parts.username:
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(compose(sender, invitation))
    except smtplib.SMTPRecipientsRefused as error:
        code, _ = next(iter(error.recipients.values()))
        raise MailRefused(f"recipient refused: {code}") from None
    except smtplib.SMTPResponseException as error:
        raise MailRefused(f"smtp {error.smtp_code}") from None
    except (smtplib.SMTPException, OSError) as error:
        raise MailRefused(type(error).__name__) from None
