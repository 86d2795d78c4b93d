"""One module per command group of the asbhub CLI."""
