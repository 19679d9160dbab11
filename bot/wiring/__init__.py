"""The composition root: settings, the shared dependencies, the Bolt app, the servers and
the command line. The only place that wires listeners and the scheduler together."""
