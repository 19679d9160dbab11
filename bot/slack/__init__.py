"""Slack at the edge: the signed-request gate, request shapes, installations and the
paced Web API clients."""
