"""What route handlers are given (as in the FastAPI template's ``deps.py``): the serving
assistant, its index and the settings, from ``app.state``, named in each handler's signature.

They are ``async`` though they never wait: a plain ``def`` would take a threadpool slot,
which the answers may have filled (an async handler such as the reload hook needs none)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assistant.answering.answers import Assistant  # imports no torch: the model loads inside its functions
from assistant.index.store import Index
from assistant.settings import Settings


async def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_index(assistant: AssistantDep) -> Index:
    """The index serving now, read once per request (a reload may swap it meanwhile)."""
    return assistant.index


IndexDep = Annotated[Index, Depends(get_index)]
