"""The information manager's audit view: disposal runs, reference look-ups, ledger health."""
