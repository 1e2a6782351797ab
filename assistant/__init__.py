"""Answers questions about the Panel's Annual Report 2020 by quoting it, never by writing new text."""

__version__ = "0.1.0"
