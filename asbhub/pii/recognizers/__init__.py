"""Our recognizers in Presidio's shape, one per file; imported only when an engine is built."""
