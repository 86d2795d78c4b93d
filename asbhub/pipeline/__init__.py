"""Pipeline steps: plain functions over the store and a transport, called by the CLI and DAGs."""
