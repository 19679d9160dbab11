"""What happens after a change is committed: who is told what, where, which message is
updated in place, and what is planned again. Listeners and the dispatcher call these."""
