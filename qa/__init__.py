"""Question answering over Chinese newspaper archives."""

__version__ = "0.1.0"
