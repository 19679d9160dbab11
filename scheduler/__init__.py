"""Time-driven work: what is due is found in the database and dispatched by one function."""
