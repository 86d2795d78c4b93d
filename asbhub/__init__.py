"""ASB partner data hub: the core of config, store, pipeline steps, ledger and CLI."""

__version__ = "0.1.0"
