"""The shapes of Slack's requests, as far as mentorbot reads them.

A signed request is still parsed by a program that could be wrong or hostile, so every
part a listener reads is checked here first, once, before Bolt sees it. A request that
does not fit is answered with an empty 200 and logged by its kind alone.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

# Slack's ids: a capital letter then capitals and digits (U…, W…, T…, E…, C…, D…, V…).
SlackId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,31}$")]
ShortText = Annotated[str, StringConstraints(max_length=255)]
# Slack's own ceiling for a view's private_metadata.
Metadata = Annotated[str, StringConstraints(max_length=3000)]
# Far above any modal's max_length: what is longer was not typed into Slack's client.
FieldText = Annotated[str, StringConstraints(max_length=20_000)]

# Slack nests payloads a few levels deep; a deeper document is an attack on the parser.
MAX_DEPTH = 64


class Malformed(ValueError):
    """A request that is signed but not shaped like anything Slack sends."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


class UserRef(_Part):
    id: SlackId
    team_id: SlackId | None = None


class TeamRef(_Part):
    id: SlackId


class Option(_Part):
    value: ShortText


class ElementState(_Part):
    type: ShortText
    value: FieldText | None = None
    selected_option: Option | None = None
    selected_options: list[Option] | None = None
    selected_user: SlackId | None = None
    selected_date: ShortText | None = None
    selected_time: ShortText | None = None


class ViewState(_Part):
    values: dict[ShortText, dict[ShortText, ElementState]] = {}


class View(_Part):
    id: ShortText | None = None
    type: ShortText
    callback_id: ShortText = ""
    private_metadata: Metadata = ""
    state: ViewState = ViewState()


class Action(_Part):
    action_id: ShortText
    block_id: ShortText | None = None
    value: Annotated[str, StringConstraints(max_length=2000)] | None = None
    type: ShortText


class BlockActions(_Part):
    type: Literal["block_actions"]
    user: UserRef
    team: TeamRef | None = None
    trigger_id: ShortText | None = None
    actions: Annotated[list[Action], Field(min_length=1, max_length=25)]
    view: View | None = None
    response_url: ShortText | None = None


class ViewSubmission(_Part):
    type: Literal["view_submission"]
    user: UserRef
    team: TeamRef | None = None
    trigger_id: ShortText | None = None
    view: View


class ViewClosed(_Part):
    type: Literal["view_closed"]
    user: UserRef
    view: View


class SlashCommand(_Part):
    team_id: SlackId
    user_id: SlackId
    command: ShortText
    text: Annotated[str, StringConstraints(max_length=4000)] = ""
    trigger_id: ShortText
    response_url: ShortText


class Tokens(_Part):
    oauth: list[ShortText] | None = None
    bot: list[ShortText] | None = None


class EventBody(_Part):
    type: ShortText


class UserChangeUser(_Part):
    id: SlackId
    deleted: bool = False
    # Slack's own time of the profile change: an older event never overwrites a newer one.
    updated: int | None = None


class UserChange(_Part):
    type: Literal["user_change"]
    user: UserChangeUser
    event_ts: ShortText | None = None


class HomeOpened(_Part):
    type: Literal["app_home_opened"]
    user: SlackId
    tab: ShortText | None = None


class TokensRevoked(_Part):
    type: Literal["tokens_revoked"]
    tokens: Tokens | None = None


# The events mentorbot listens to, each with the fields its listener reads.
EVENT_SHAPES: dict[str, type[_Part]] = {
    "user_change": UserChange,
    "app_home_opened": HomeOpened,
    "tokens_revoked": TokensRevoked,
}


class Authorization(_Part):
    """Who the event is for: Bolt reads the first one to find the installation."""

    enterprise_id: SlackId | None = None
    team_id: SlackId | None = None
    user_id: SlackId | None = None
    is_bot: bool | None = None
    is_enterprise_install: bool | None = None


class EventCallback(_Part):
    type: Literal["event_callback"]
    team_id: SlackId
    enterprise_id: SlackId | None = None
    is_enterprise_install: bool | None = None
    event_id: ShortText
    event_time: int | None = None
    event: EventBody
    authorizations: list[Authorization] | None = None


class UrlVerification(_Part):
    type: Literal["url_verification"]
    challenge: ShortText


INTERACTIVE_SHAPES: dict[str, type[_Part]] = {
    "block_actions": BlockActions,
    "view_submission": ViewSubmission,
    "view_closed": ViewClosed,
}


def kind_of(body: str, content_type: str) -> str:
    """Check a request's body against the shape of its kind, and name that kind.

    Raises Malformed naming what was wrong, never quoting the body."""
    if content_type.startswith("application/json"):
        document = _json(body, "json body")
        return _check_json(document)
    form = _form(body)
    if "payload" in form:
        document = _json(form["payload"], "payload")
        kind = document.get("type") if isinstance(document, dict) else None
        shape = INTERACTIVE_SHAPES.get(kind) if isinstance(kind, str) else None
        if shape is None:
            raise Malformed("interactive payload of an unknown type")
        _validate(shape, document, str(kind))
        return str(kind)
    if "command" in form:
        _validate(SlashCommand, form, "slash command")
        return "slash command"
    raise Malformed("form body of an unknown kind")


def _check_json(document: Any) -> str:
    if not isinstance(document, dict):
        raise Malformed("json body that is not an object")
    kind = document.get("type")
    if kind == "url_verification":
        _validate(UrlVerification, document, "url_verification")
        return "url_verification"
    if kind != "event_callback":
        raise Malformed("json body of an unknown type")
    envelope = _validate(EventCallback, document, "event_callback")
    shape = EVENT_SHAPES.get(envelope.event.type)
    if shape is not None:
        _validate(shape, document["event"], f"{envelope.event.type} event")
    return f"event {envelope.event.type}"


def _validate(shape: type[_Part], document: Any, kind: str) -> Any:
    try:
        return shape.model_validate(document)
    except ValidationError:
        raise Malformed(f"{kind} of the wrong shape") from None


def _form(body: str) -> dict[str, str]:
    try:
        fields = parse_qs(body, keep_blank_values=True, strict_parsing=bool(body),
                          max_num_fields=100, errors="strict")
    except ValueError:
        raise Malformed("form body that does not parse") from None
    if any(len(values) != 1 for values in fields.values()):
        raise Malformed("form body with a repeated field")
    return {name: values[0] for name, values in fields.items()}


def _json(text: str, kind: str) -> Any:
    if _depth(text) > MAX_DEPTH:
        raise Malformed(f"{kind} nested too deeply")
    try:
        document = json.loads(text)
        # A lone surrogate is legal JSON but no text: nothing could store or show it.
        json.dumps(document, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        raise Malformed(f"{kind} with a lone surrogate") from None
    except (ValueError, RecursionError):
        raise Malformed(f"{kind} that is not JSON") from None
    return document


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """How deep the brackets go, counted before the parser can recurse."""
    deepest = depth = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest
