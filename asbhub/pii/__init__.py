"""Free-text minimisation: find and replace personal data in ASB narratives (Presidio + spaCy)."""
