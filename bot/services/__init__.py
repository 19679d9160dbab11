"""Use cases, called the same way by every entry point with primitives and a unit of work."""
